package dev.apojwt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Verifies one kind of token (access or refresh) against one pinned key. The order matters: shape
 * and charset before any decoding, the header before the signature, the signature before the
 * payload is parsed, and the claims last. Each part is decoded and parsed once.
 */
final class TokenVerifier {
  /**
   * Longest encoded header parsed. Headers are unauthenticated until the signature is checked, so
   * their parse must stay cheap; real ones are well under 200 characters.
   */
  static final int MAX_HEADER_LENGTH = 1024;

  /**
   * Around the token, a source may hold this much more (a scheme, spaces) and is still copied
   * whole.
   */
  private static final int SOURCE_SLACK = 64;

  private final TokenKind kind;
  private final JwsKey key;
  private final String issuer;
  private final List<String> audiences;
  private final Clock clock;
  private final long leewaySeconds;
  private final int maxLength;

  /**
   * Encoded headers known to be valid for this kind and algorithm, exactly as apojwt and PyJWT
   * write them. A token whose header segment is one of these skips the header parse: it is byte for
   * byte a header that the full parse accepts.
   */
  private final String[] knownHeaders;

  TokenVerifier(
      TokenKind kind,
      JwsKey key,
      String issuer,
      List<String> audiences,
      Clock clock,
      long leewaySeconds,
      int maxLength) {
    this.kind = kind;
    this.key = key;
    this.issuer = issuer;
    this.audiences = audiences;
    this.clock = clock;
    this.leewaySeconds = leewaySeconds;
    this.maxLength = maxLength;
    this.knownHeaders =
        new String[] {encodedHeader(key.algorithm, kind.typ), encodedHeader(key.algorithm, "JWT")};
  }

  /**
   * The header apojwt writes: {@code {"alg":"HS256","typ":"at+jwt"}}. PyJWT writes the same shape.
   */
  static String encodedHeader(JwsAlgorithm algorithm, String typ) {
    String json = "{\"alg\":\"" + algorithm.name() + "\",\"typ\":\"" + typ + "\"}";
    return Base64Url.encodeToString(json.getBytes(StandardCharsets.US_ASCII));
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
      return verifyChecked(source, start, end);
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

  private Claims verifyChecked(String source, int start, int end) throws IOException {
    int length = end - start;
    if (source == null || length == 0 || source.isBlank()) {
      throw Failures.missing(kind, "no token given");
    }
    if (length > maxLength) {
      throw Failures.malformed("token is longer than the configured maximum");
    }
    // The token as bytes, in place within the source (a guard's source is the whole header
    // value). Characters beyond Latin-1 become '?', which the scan below refuses.
    byte[] bytes;
    int offset;
    if (source.length() - length <= SOURCE_SLACK) {
      bytes = source.getBytes(StandardCharsets.ISO_8859_1);
      offset = start;
    } else {
      bytes = source.substring(start, end).getBytes(StandardCharsets.ISO_8859_1);
      offset = 0;
    }
    int limit = offset + length;
    int firstDot = -1;
    int secondDot = -1;
    int headerLimit = offset + MAX_HEADER_LENGTH;
    for (int i = offset; i < limit; i++) {
      byte b = bytes[i];
      if (b == '.') {
        if (firstDot < 0) {
          firstDot = i;
        } else if (secondDot < 0) {
          secondDot = i;
        } else {
          throw Failures.malformed("token has more than three parts");
        }
      } else if (!Base64Url.isAlphabet(b & 0xff)) {
        throw Failures.malformed("token has a character outside [A-Za-z0-9_-.]");
      } else if (firstDot < 0 && i >= headerLimit) {
        throw Failures.malformed("header is longer than " + MAX_HEADER_LENGTH + " characters");
      }
    }
    if (secondDot < 0) {
      throw Failures.malformed("token does not have three parts");
    }
    if (firstDot == offset || secondDot == firstDot + 1) {
      throw Failures.malformed("token has an empty header or payload");
    }

    if (!isKnownHeader(source, start, firstDot - offset)) {
      checkHeader(decode(bytes, offset, firstDot, "header"));
    }

    byte[] signature = Base64Url.decode(bytes, secondDot + 1, limit);
    if (signature == null) {
      throw Failures.malformed("signature is not canonical base64url");
    }
    if (!key.verify(bytes, offset, secondDot - offset, signature)) {
      throw Failures.badSignature("signature does not match");
    }

    long now = Math.floorDiv(clock.millis(), 1000L);
    // The same comparison as PyJWT: expired when exp <= now - leeway.
    Claims claims =
        Claims.read(decode(bytes, firstDot + 1, secondDot, "payload"), now - leewaySeconds);
    checkClaims(claims, now);
    return claims;
  }

  private boolean isKnownHeader(String source, int start, int firstDot) {
    for (String header : knownHeaders) {
      if (header.length() == firstDot && source.startsWith(header, start)) {
        return true;
      }
    }
    return false;
  }

  private static byte[] decode(byte[] bytes, int from, int to, String part) {
    byte[] decoded = Base64Url.decode(bytes, from, to);
    if (decoded == null) {
      throw Failures.malformed(part + " is not canonical base64url");
    }
    return decoded;
  }

  /**
   * RFC 8725 section 3.1: the algorithm is pinned, never chosen by the header. Keys named by {@code
   * kid}, {@code jwk}, {@code jku}, {@code x5u} or {@code x5c} are never used.
   */
  private void checkHeader(byte[] header) throws IOException {
    String alg = null;
    String typ = null;
    Set<String> others = null;
    try (JsonParser parser = StrictJson.openObject(header, "header")) {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        switch (name) {
          case "alg":
            if (alg != null) {
              throw StrictJson.duplicate();
            }
            alg = StrictJson.string(parser, "alg");
            break;
          case "typ":
            if (typ != null) {
              throw StrictJson.duplicate();
            }
            typ = StrictJson.string(parser, "typ");
            break;
          case "crit":
            // RFC 7515 4.1.11: extensions listed in crit must be understood; apojwt implements
            // none.
            throw Failures.malformed("header 'crit' names an extension apojwt does not implement");
          case "zip":
            throw Failures.malformed("header 'zip' (compressed payload) is not supported");
          case "b64":
            throw Failures.malformed("header 'b64' (unencoded payload) is not supported");
          default:
            others = StrictJson.addName(others, name);
            StrictJson.skipValue(parser);
        }
      }
      StrictJson.expectEnd(parser, "header");
    }
    if (alg == null) {
      throw Failures.malformed("header has no 'alg'");
    }
    if (typ != null && !acceptsTyp(typ)) {
      throw Failures.wrongKind(kind, "header 'typ' is not that of " + describe(kind));
    }
    if (!alg.equals(key.algorithm.name())) {
      throw Failures.badAlgorithm("header 'alg' is not the configured " + key.algorithm.name());
    }
  }

  /**
   * Media types are case-insensitive and may omit "application/" (RFC 7515 section 4.1.9). {@code
   * JWT} is what PyJWT (and so apojwt 1.7) and most libraries write for both kinds.
   */
  private boolean acceptsTyp(String typ) {
    String t = typ.toLowerCase(Locale.ROOT);
    if (t.startsWith("application/")) {
      t = t.substring("application/".length());
    }
    return t.equals("jwt") || t.equals(kind.typ);
  }

  private void checkClaims(Claims claims, long now) {
    if (kind == TokenKind.ACCESS) {
      if (claims.perms == null) {
        // apojwt's refresh tokens are exactly the tokens without perms.
        throw Failures.wrongKind(kind, "token has no 'perms' claim, as refresh tokens do");
      }
      if (claims.sub == null) {
        throw Failures.malformed("claim 'sub' is missing");
      }
    } else if (claims.perms != null) {
      throw Failures.wrongKind(kind, "token has a 'perms' claim, as access tokens do");
    }
    if (claims.exp == Claims.ABSENT) {
      throw Failures.malformed("claim 'exp' is missing");
    }
    if (claims.nbf != Claims.ABSENT && claims.nbf > now + leewaySeconds) {
      throw Failures.notYetValid("claim 'nbf' is in the future");
    }
    if (claims.iat != Claims.ABSENT && claims.iat > now + leewaySeconds) {
      throw Failures.notYetValid("claim 'iat' is in the future");
    }
    if (claims.iss == null) {
      throw Failures.badIssuer("claim 'iss' is missing");
    }
    if (!claims.iss.equals(issuer)) {
      throw Failures.badIssuer("claim 'iss' is not the configured issuer");
    }
    checkAudience(claims.aud);
  }

  /**
   * RFC 7519 4.1.3: a token whose {@code aud} does not name us is refused. With no configured
   * audience, only a token without one (or with an empty one, as apojwt writes) passes.
   */
  private void checkAudience(List<String> aud) {
    boolean tokenHasAudience = aud != null && !aud.isEmpty();
    if (audiences.isEmpty()) {
      if (tokenHasAudience) {
        throw Failures.badAudience("token names an audience but none is configured");
      }
      return;
    }
    if (!tokenHasAudience) {
      throw Failures.badAudience("claim 'aud' is missing");
    }
    for (String audience : aud) {
      if (audiences.contains(audience)) {
        return;
      }
    }
    throw Failures.badAudience("claim 'aud' does not name this service");
  }

  private static String describe(TokenKind kind) {
    return kind == TokenKind.ACCESS ? "an access token" : "a refresh token";
  }
}
