package dev.apojwt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The registered and apojwt claims of one payload, read in a single strict pass. A claim of the
 * wrong JSON type is refused, never coerced; unknown claims are validated as JSON and skipped.
 */
final class Claims {
  /** Marks an absent NumericDate claim. */
  static final long ABSENT = Long.MIN_VALUE;

  /** 9999-12-31T23:59:59Z: later dates are refused as nonsense rather than risk overflow. */
  static final long MAX_NUMERIC_DATE = 253_402_300_799L;

  long exp = ABSENT;
  long nbf = ABSENT;
  long iat = ABSENT;
  String iss;

  /** The audience as a list, also when the token carries a single string; null when absent. */
  List<String> aud;

  String sub;

  /**
   * The permissions: apojwt's {@code perms}, or those of the configured {@link PermissionsClaim};
   * null when the token has none.
   */
  List<String> perms;

  Map<String, Object> data;
  String jti;

  /**
   * The session id ({@code sid}) as sent: a String, {@link #NOT_A_STRING} when it is another JSON
   * value, null when absent. Only a service with sessions reads it ({@link SessionCheck}), and
   * checks its form there: without sessions it is a claim like any other.
   */
  String sid;

  /** Marks a {@code sid} that is not a JSON string. */
  static final String NOT_A_STRING = new String("<not a string>");

  /** The {@code sid} as a String, or null when absent or not a JSON string. */
  String sessionId() {
    return sid == NOT_A_STRING ? null : sid;
  }

  /**
   * Reads the claims of a payload whose signature has been verified. A token whose {@code exp} is
   * not after {@code expiredAtOrBefore} is refused as EXPIRED as soon as {@code exp} is read,
   * without parsing the rest: refusing an expired token costs less than accepting a valid one.
   */
  static Claims read(byte[] payload, long expiredAtOrBefore) throws IOException {
    return read(payload, expiredAtOrBefore, null);
  }

  /**
   * Reads the claims, with the permissions from {@code permissionsClaim} (null: apojwt's {@code
   * perms}, which is then an ordinary claim if another is configured).
   */
  static Claims read(byte[] payload, long expiredAtOrBefore, PermissionsClaim permissionsClaim)
      throws IOException {
    Claims claims = new Claims();
    int seen = 0; // one bit per registered claim read, for duplicate detection
    Set<String> others = null; // the other members' names, made when first needed
    List<String> viaPath = null; // permissions found by a dotted path
    try (JsonParser parser = StrictJson.openObject(payload, "payload")) {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        int bit;
        if (permissionsClaim != null && permissionsClaim.isWholeName(name)) {
          bit = 1 << 9;
          claims.perms = permissionsClaim.readWhole(parser);
        } else if (permissionsClaim != null && permissionsClaim.isPathStart(name)) {
          bit = 1 << 10;
          viaPath = permissionsClaim.readPath(parser);
        } else if (permissionsClaim != null && name.equals(PermissionsClaim.PERMS)) {
          bit = 0;
          others = StrictJson.addName(others, name);
          StrictJson.skipValue(parser);
        } else {
          bit = registered(parser, name, claims, expiredAtOrBefore);
          if (bit == 0) {
            others = StrictJson.addName(others, name);
            StrictJson.skipValue(parser); // still checked: syntax, depth, duplicates, numbers
          }
        }
        if ((seen & bit) != 0) {
          throw StrictJson.duplicate();
        }
        seen |= bit;
      }
      StrictJson.expectEnd(parser, "payload");
    }
    if (claims.perms == null) {
      claims.perms = viaPath;
    }
    return claims;
  }

  /**
   * Reads the registered or apojwt claim {@code name} into {@code claims}; its bit, or 0 when
   * {@code name} is another claim (which the caller skips).
   */
  private static int registered(
      JsonParser parser, String name, Claims claims, long expiredAtOrBefore) throws IOException {
    int bit;
    switch (name) {
      case "exp":
        bit = 1;
        claims.exp = numericDate(parser, name);
        refuseEarlyIfExpired(claims.exp, expiredAtOrBefore);
        break;
      case "nbf":
        bit = 1 << 1;
        claims.nbf = numericDate(parser, name);
        break;
      case "iat":
        bit = 1 << 2;
        claims.iat = numericDate(parser, name);
        break;
      case "iss":
        bit = 1 << 3;
        claims.iss = StrictJson.string(parser, name);
        break;
      case "aud":
        bit = 1 << 4;
        claims.aud =
            parser.currentToken() == JsonToken.VALUE_STRING
                ? List.of(parser.getText())
                : Collections.unmodifiableList(StrictJson.stringArray(parser, name));
        break;
      case "sub":
        bit = 1 << 5;
        claims.sub = StrictJson.string(parser, name);
        break;
      case "perms":
        bit = 1 << 6;
        claims.perms = StrictJson.stringArray(parser, name);
        break;
      case "data":
        bit = 1 << 7;
        claims.data = StrictJson.object(parser, name);
        break;
      case "jti":
        bit = 1 << 8;
        claims.jti = StrictJson.string(parser, name);
        break;
      case "sid":
        bit = 1 << 11;
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
          claims.sid = parser.getText();
        } else {
          claims.sid = NOT_A_STRING;
          StrictJson.skipValue(parser); // checked as strictly as any claim
        }
        break;
      default:
        bit = 0;
    }
    return bit;
  }

  /**
   * The early expiry refusal: an expired token is refused as soon as its {@code exp} is read,
   * before the rest of the payload is parsed, so that refusing the most common stale token costs
   * less than accepting a valid one. Its signature has been verified, so its {@code exp} is the
   * issuer's.
   */
  private static void refuseEarlyIfExpired(long exp, long expiredAtOrBefore) {
    if (exp <= expiredAtOrBefore) {
      throw Failures.expired();
    }
  }

  /** RFC 7519 NumericDate, restricted to whole seconds in [0, 9999-12-31]. */
  private static long numericDate(JsonParser parser, String claim) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      throw Failures.malformed("claim '" + claim + "' is not a whole number of seconds");
    }
    JsonParser.NumberType type = parser.getNumberType();
    if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
      throw Failures.malformed("claim '" + claim + "' is out of range");
    }
    long value = parser.getLongValue();
    if (value < 0 || value > MAX_NUMERIC_DATE) {
      throw Failures.malformed("claim '" + claim + "' is out of range");
    }
    return value;
  }
}
