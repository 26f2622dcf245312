package dev.apojwt;

import java.io.IOException;
import java.time.Clock;
import java.util.function.Function;

/**
 * Verifies one kind of token (access or refresh), in stages, each of which runs only when the one
 * before it passed:
 *
 * <ol>
 *   <li><b>scan</b> ({@link CompactToken#scan}): present, length, charset, three parts; nothing is
 *       decoded before it passes;
 *   <li><b>header</b> ({@link HeaderCheck}): an allowed algorithm, {@code typ} of this kind, no
 *       extension relied upon;
 *   <li><b>signature</b>: the key is selected among the known ones ({@link KeySource}: the {@code
 *       kid} chooses, never brings, a key), and the signature checked before the payload is parsed;
 *   <li><b>claims</b> ({@link Claims#read}): one strict pass over the payload, claims type-checked;
 *       an expired token is refused as soon as {@code exp} is read (the early expiry refusal), so
 *       refusing it costs less than accepting a valid one;
 *   <li><b>checks</b> ({@link ClaimChecks}): kind, issuer, audience: what holds whenever the token
 *       is presented;
 *   <li><b>per-call checks</b> ({@link PerCallChecks}): {@code exp}, {@code nbf}, {@code iat}
 *       against the clock.
 *   <li><b>revocation</b> ({@link SessionCheck}, with sessions only): the token's session and
 *       subject not revoked, from the session store's in-memory view; per call too, so a token
 *       verified a moment ago is refused once its session has ended.
 * </ol>
 *
 * With a {@link VerifiedCache}, a token verified before skips the first five stages, and only the
 * per-call checks run. Each part is decoded and parsed once.
 *
 * @param <T> what a verified token becomes ({@link VerifiedToken}, {@link VerifiedRefresh})
 */
final class TokenVerifier<T> {
  private final TokenKind kind;
  private final KeySource keys;
  private final HeaderCheck header;
  private final PermissionsClaim permissionsClaim;
  private final ClaimChecks checks;
  private final PerCallChecks perCall;
  private final Function<Claims, T> result;
  private final VerifiedCache<T> cache;
  private final Clock clock;
  private final long leewaySeconds;
  private final int maxLength;

  /** The revocation step; null without sessions (stateless, as apojwt 1.7). */
  private final SessionCheck sessions;

  /** How one kind of token is verified under one configuration. */
  static final class Setup<T> {
    TokenKind kind;
    KeySource keys;
    HeaderCheck header;
    PermissionsClaim permissionsClaim;
    ClaimChecks checks;
    Function<Claims, T> result;
    VerifiedCache<T> cache;
    Clock clock;
    long leewaySeconds;
    int maxLength;

    /** The revocation step; null without sessions (stateless, as apojwt 1.7). */
    SessionCheck sessions;
  }

  TokenVerifier(Setup<T> setup) {
    this.kind = setup.kind;
    this.keys = setup.keys;
    this.header = setup.header;
    this.permissionsClaim = setup.permissionsClaim;
    this.checks = setup.checks;
    this.perCall = new PerCallChecks(setup.leewaySeconds);
    this.result = setup.result;
    this.cache = setup.cache;
    this.clock = setup.clock;
    this.leewaySeconds = setup.leewaySeconds;
    this.maxLength = setup.maxLength;
    this.sessions = setup.sessions;
    if (cache != null) {
      keys.onChange(() -> cache.keepOnly(keys));
    }
  }

  TokenKind kind() {
    return kind;
  }

  KeySource keys() {
    return keys;
  }

  T verify(String token) {
    return verify(token, 0, token == null ? 0 : token.length());
  }

  /**
   * Verifies {@code source[start, end)}: guards pass the header value with its scheme and
   * surrounding whitespace still around the token, which spares a copy per call.
   */
  T verify(String source, int start, int end) {
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

  private T stages(String source, int start, int end) throws IOException {
    long now = Math.floorDiv(clock.millis(), 1000L);
    String whole = null;
    if (cache != null && source != null && end > start && end - start <= maxLength) {
      whole = start == 0 && end == source.length() ? source : source.substring(start, end);
      VerifiedCache.Entry<T> hit = cache.get(whole);
      if (hit != null) {
        if (keys.holds(hit.key)) {
          checkPerCall(hit.claims, now);
          return hit.result;
        }
        cache.remove(whole); // its key left the set: verified afresh, it fails as it should
      }
    }
    CompactToken token = CompactToken.scan(source, start, end, maxLength, kind);
    JwsKey key = keys.select(header.check(token));
    checkSignature(token, key);
    // The same comparison as PyJWT: expired when exp <= now - leeway.
    Claims claims = Claims.read(token.payload(), now - leewaySeconds, permissionsClaim);
    checks.check(claims);
    checkPerCall(claims, now);
    T verified = result.apply(claims);
    if (whole != null) {
      remember(whole, new VerifiedCache.Entry<>(claims, verified, key));
    }
    return verified;
  }

  /**
   * What may change between two presentations of the same token, run on a cache hit as on a full
   * verification: {@code exp}, {@code nbf} and {@code iat} against the clock, then revocation
   * ({@link SessionCheck}, with sessions only), so a token valid a moment ago is refused once its
   * session has ended.
   */
  private void checkPerCall(Claims claims, long now) {
    perCall.check(claims, now);
    if (sessions != null) {
      sessions.check(claims);
    }
  }

  /**
   * Caches a verified token, unless its key left the set meanwhile: a change of the set is
   * published before the cache is swept, so either the sweep sees this entry or this check sees the
   * new set.
   */
  private void remember(String token, VerifiedCache.Entry<T> entry) {
    cache.put(token, entry);
    if (!keys.holds(entry.key)) {
      cache.remove(token);
    }
  }

  private static void checkSignature(CompactToken token, JwsKey key) {
    byte[] signature = token.signature();
    if (!key.verify(token.bytes, token.start, token.signingInputLength(), signature)) {
      throw Failures.badSignature("signature does not match");
    }
  }
}
