package dev.apojwt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The header stage of verification for one kind of token and one pinned algorithm (RFC 8725 section
 * 3.1): the algorithm is never chosen by the header, {@code typ} must fit the kind, and no
 * extension apojwt does not implement may be relied upon. Keys named by {@code kid}, {@code jwk},
 * {@code jku}, {@code x5u} or {@code x5c} are never used.
 */
final class HeaderCheck {
  private final TokenKind kind;
  private final JwsAlgorithm algorithm;

  /**
   * Encoded headers known to be valid for this kind and algorithm, exactly as apojwt and PyJWT
   * write them. A token whose header segment is one of these skips the parse: it is byte for byte a
   * header that the full check accepts.
   */
  private final byte[][] knownHeaders;

  HeaderCheck(TokenKind kind, JwsAlgorithm algorithm) {
    this.kind = kind;
    this.algorithm = algorithm;
    this.knownHeaders =
        new byte[][] {
          encoded(algorithm, kind.typ).getBytes(StandardCharsets.US_ASCII),
          encoded(algorithm, "JWT").getBytes(StandardCharsets.US_ASCII)
        };
  }

  /**
   * The header apojwt writes: {@code {"alg":"HS256","typ":"at+jwt"}}. PyJWT writes the same shape.
   */
  static String encoded(JwsAlgorithm algorithm, String typ) {
    String json = "{\"alg\":\"" + algorithm.name() + "\",\"typ\":\"" + typ + "\"}";
    return Base64Url.encodeToString(json.getBytes(StandardCharsets.US_ASCII));
  }

  /** Refuses the token unless its header passes. */
  void check(CompactToken token) throws IOException {
    for (byte[] known : knownHeaders) {
      if (token.headerIs(known)) {
        return;
      }
    }
    check(token.header());
  }

  private void check(byte[] header) throws IOException {
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
    if (!alg.equals(algorithm.name())) {
      throw Failures.badAlgorithm("header 'alg' is not the configured " + algorithm.name());
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

  private static String describe(TokenKind kind) {
    return kind == TokenKind.ACCESS ? "an access token" : "a refresh token";
  }
}
