package dev.apojwt;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

/**
 * Verifies one kind of token (access or refresh) against one pinned key, in five stages (six with
 * sessions), each of which runs only when the one before it passed:
 *
 * <ol>
 *   <li><b>scan</b> ({@link CompactToken#scan}): present, length, charset, three parts; nothing is
 *       decoded before it passes;
 *   <li><b>header</b> ({@link HeaderCheck}): algorithm pinned, {@code typ} of this kind, no
 *       extension relied upon;
 *   <li><b>signature</b>: the key is selected (the configured one: nothing in the token chooses
 *       it), and the signature checked before the payload is parsed;
 *   <li><b>claims</b> ({@link Claims#read}): one strict pass over the payload, claims type-checked;
 *       an expired token is refused as soon as {@code exp} is read (the early expiry refusal), so
 *       refusing it costs less than accepting a valid one;
 *   <li><b>checks</b> ({@link ClaimChecks}): kind, {@code exp}, {@code nbf}, {@code iat}, issuer,
 *       audience;
 *   <li><b>revocation</b> ({@link SessionCheck}, with sessions only): the token's session and
 *       subject not revoked, from the session store's in-memory view.
 * </ol>
 *
 * Each part is decoded and parsed once.
 */
final class TokenVerifier {
  private final TokenKind kind;
  private final JwsKey key;
  private final HeaderCheck header;
  private final ClaimChecks checks;
  private final Clock clock;
  private final long leewaySeconds;
  private final int maxLength;

  /** The revocation step; null without sessions (stateless, as apojwt 1.7). */
  private final SessionCheck sessions;

  TokenVerifier(
      TokenKind kind,
      JwsKey key,
      String issuer,
      List<String> audiences,
      Clock clock,
      long leewaySeconds,
      int maxLength,
      SessionStore store) {
    this.kind = kind;
    this.key = key;
    this.header = new HeaderCheck(kind, key.algorithm);
    this.checks = new ClaimChecks(kind, issuer, audiences, leewaySeconds);
    this.clock = clock;
    this.leewaySeconds = leewaySeconds;
    this.maxLength = maxLength;
    this.sessions = store == null ? null : new SessionCheck(kind, store);
  }

  TokenKind kind() {
    return kind;
  }

  Claims verify(String token) {
    return verify(token, 0, token == null ? 0 : token.length());
  }

  /**
   * Verifies {@code source[start, end)}: guards pass the header value with its scheme and
   * surrounding whitespace still around the token, which spares a copy per call.
   */
  Claims verify(String source, int start, int end) {
    try {
      return stages(source, start, end);
    } catch (ApoJwtException e) {
      throw e;
    } catch (IOException e) {
      // Jackson's syntax, encoding, duplicate-name and constraint errors: its message may quote
      // the input, so only a fixed detail goes out, and the cause is not attached.
      throw Failures.malformed("invalid JSON");
    } catch (RuntimeException e) {
      // A last line of defence: whatever the input, only an ApoJwtException leaves verify.
      throw Failures.malformed("token could not be processed");
    }
  }

  private Claims stages(String source, int start, int end) throws IOException {
    CompactToken token = CompactToken.scan(source, start, end, maxLength, kind);
    header.check(token);
    checkSignature(token, selectKey());
    long now = Math.floorDiv(clock.millis(), 1000L);
    // The same comparison as PyJWT: expired when exp <= now - leeway.
    Claims claims = Claims.read(token.payload(), now - leewaySeconds);
    checks.check(claims, now);
    checkRevocation(claims);
    return claims;
  }

  /**
   * The per-call revocation step ({@link SessionCheck}), after every other check: a token that was
   * valid a moment ago is refused once its session has ended.
   */
  private void checkRevocation(Claims claims) {
    if (sessions != null) {
      sessions.check(claims);
    }
  }

  /**
   * The key that must have made the signature: the configured one. The header's {@code alg} was
   * checked against it; {@code kid}, {@code jwk}, {@code jku}, {@code x5u} and {@code x5c} never
   * choose a key.
   */
  private JwsKey selectKey() {
    return key;
  }

  private static void checkSignature(CompactToken token, JwsKey key) {
    byte[] signature = token.signature();
    if (!key.verify(token.bytes, token.start, token.signingInputLength(), signature)) {
      throw Failures.badSignature("signature does not match");
    }
  }
}
