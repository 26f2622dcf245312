package dev.apojwt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The header stage of verification for one kind of token and the allowed algorithms (RFC 8725
 * section 3.1): the algorithm must be one that the configuration allows (it never widens what is
 * accepted), {@code typ} must fit the kind, and no extension apojwt does not implement may be
 * relied upon. The {@code kid} is handed on to key selection, which uses it only to choose among
 * keys the service knows; keys named by {@code jwk}, {@code jku}, {@code x5u} or {@code x5c} are
 * never used.
 */
final class HeaderCheck {
  private final TokenKind kind;
  private final Set<JwsAlgorithm> allowed;

  /**
   * Encoded headers known to be valid for this kind and these algorithms, exactly as apojwt and
   * PyJWT write them (with each configured kid), and what each says. A token whose header segment
   * is one of these skips the parse: it is byte for byte a header that the full check accepts.
   */
  private final byte[][] knownHeaders;

  private final JwsHeader[] knownResults;

  HeaderCheck(TokenKind kind, Set<JwsAlgorithm> allowed, List<JwsKey> configuredKeys) {
    this.kind = kind;
    this.allowed = EnumSet.copyOf(allowed);
    List<byte[]> headers = new ArrayList<>();
    List<JwsHeader> results = new ArrayList<>();
    for (JwsAlgorithm algorithm : this.allowed) {
      JwsHeader plain = new JwsHeader(algorithm, null, false);
      headers.add(encoded(algorithm, kind.typ, null).getBytes(StandardCharsets.US_ASCII));
      results.add(plain);
      headers.add(encoded(algorithm, "JWT", null).getBytes(StandardCharsets.US_ASCII));
      results.add(plain);
    }
    for (JwsKey key : configuredKeys) {
      if (key.kid != null && this.allowed.contains(key.algorithm)) {
        headers.add(encoded(key.algorithm, kind.typ, key.kid).getBytes(StandardCharsets.US_ASCII));
        results.add(new JwsHeader(key.algorithm, key.kid, false));
      }
    }
    this.knownHeaders = headers.toArray(new byte[0][]);
    this.knownResults = results.toArray(new JwsHeader[0]);
  }

  /**
   * The header apojwt writes: {@code {"alg":"HS256","typ":"at+jwt"}}, with {@code ,"kid":".."} last
   * when the key has one. PyJWT writes the same shape.
   */
  static String encoded(JwsAlgorithm algorithm, String typ, String kid) {
    String json =
        "{\"alg\":\""
            + algorithm.name()
            + "\",\"typ\":\""
            + typ
            + (kid == null ? "" : "\",\"kid\":\"" + kid)
            + "\"}";
    return Base64Url.encodeToString(json.getBytes(StandardCharsets.US_ASCII));
  }

  /** What the header says, once it passes. */
  JwsHeader check(CompactToken token) throws IOException {
    for (int i = 0; i < knownHeaders.length; i++) {
      if (token.headerIs(knownHeaders[i])) {
        return knownResults[i];
      }
    }
    return check(token.header());
  }

  private JwsHeader check(byte[] header) throws IOException {
    String alg = null;
    String typ = null;
    String kid = null;
    boolean kidSeen = false;
    boolean kidNotAString = false;
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
          case "kid":
            if (kidSeen) {
              throw StrictJson.duplicate();
            }
            kidSeen = true;
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
              kid = parser.getText();
            } else {
              // Refused where a kid is used; a service with one key without kid never reads it.
              kidNotAString = true;
              StrictJson.skipValue(parser);
            }
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
    JwsAlgorithm algorithm = JwsAlgorithm.named(alg);
    if (algorithm == null || !allowed.contains(algorithm)) {
      throw Failures.badAlgorithm(
          allowed.size() == 1
              ? "header 'alg' is not the configured " + allowed.iterator().next().name()
              : "header 'alg' is not one of the configured algorithms");
    }
    return new JwsHeader(algorithm, kid, kidNotAString);
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
