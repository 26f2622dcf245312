package dev.apojwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A lone surrogate escape (a high half such as {@code \\ud800} without its low half, or a low half
 * alone) is text that JSON parsers decode differently, so it is refused wherever it stands, at
 * verification as at creation: in any member name or string value of the header or the payload,
 * however deeply nested, always MALFORMED with one fixed detail. Escaped pairs are fine, and so is
 * an escaped backslash followed by the letters {@code ud800}.
 */
class SurrogateEscapeTest {
  private static final ApoJwt JWT = TestTokens.hs256WithRefresh().build();
  private static final long NOW = TestTokens.NOW.getEpochSecond();
  private static final String REFRESH_HEADER = "{\"alg\":\"HS256\",\"typ\":\"refresh+jwt\"}";

  private static final String HIGH = "\\ud800";
  private static final String LOW = "\\uDC00";

  /** Lone halves: alone, before a character, after its wrong half, before an escaped backslash. */
  private static final List<String> LONE =
      List.of(HIGH, LOW, HIGH + "\\u0041", LOW + HIGH, HIGH + "\\\\");

  /** U+1F600 as an escaped pair, then a backslash escaped before the letters ud800. */
  private static final String PAIRED = "\\uD83D\\ude00 \\\\ud800";

  /**
   * A valid payload, with {@code members} (where {@code %s} stands for the test's text) after the
   * time claims and the issuer.
   */
  private static String payload(String members, String text) {
    return "{\"exp\":"
        + (NOW + 900)
        + ",\"nbf\":"
        + NOW
        + ",\"iat\":"
        + NOW
        + ",\"iss\":\"\","
        + members.replace("%s", text)
        + "}";
  }

  private static final String ACCESS = "\"sub\":\"u\",\"aud\":[],\"data\":{},\"perms\":[\"p\"]";

  /** Where a lone surrogate may stand in an access token's claims. */
  static Stream<Arguments> accessPlaces() {
    return Stream.of(
        Arguments.of("sub", "\"sub\":\"user%s\",\"data\":{},\"perms\":[]"),
        Arguments.of("aud, a string", "\"sub\":\"u\",\"aud\":\"%s\",\"perms\":[]"),
        Arguments.of("aud, an array", "\"sub\":\"u\",\"aud\":[\"a%s\"],\"perms\":[]"),
        Arguments.of("perms", "\"sub\":\"u\",\"perms\":[\"orders:read\",\"orders:%s\"]"),
        Arguments.of("jti", ACCESS + ",\"jti\":\"id-%s\""),
        Arguments.of("data, a value", "\"sub\":\"u\",\"perms\":[],\"data\":{\"t\":\"acme%s\"}"),
        Arguments.of(
            "data, a value nested in a list in a map",
            "\"sub\":\"u\",\"perms\":[],\"data\":{\"a\":{\"b\":[1,\"x\",[\"%s\"]]}}"),
        Arguments.of("data, a member name", "\"sub\":\"u\",\"perms\":[],\"data\":{\"%s\":1}"),
        Arguments.of(
            "data, a nested member name",
            "\"sub\":\"u\",\"perms\":[],\"data\":{\"a\":[{\"b%s\":1}]}"),
        Arguments.of("a claim apojwt does not read", ACCESS + ",\"note\":\"%s\""),
        Arguments.of(
            "deep inside a claim apojwt does not read",
            ACCESS + ",\"ext\":{\"a\":[{\"b\":\"%sx\"}]}"),
        Arguments.of("a claim name apojwt does not read", ACCESS + ",\"%s\":0"));
  }

  static Stream<Arguments> accessCases() {
    return accessPlaces()
        .flatMap(
            place -> LONE.stream().map(text -> Arguments.of(place.get()[0], place.get()[1], text)));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("accessCases")
  void aLoneSurrogateEscapeInAnAccessTokenIsMalformed(String place, String members, String text) {
    String token = TestTokens.hs256(payload(members, text));
    assertRefused(() -> JWT.verify(token), "payload");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accessPlaces")
  void anEscapedPairOrAnEscapedBackslashIsFine(String place, String members) {
    // (with aud moved aside: this configuration accepts no audience)
    JWT.verify(TestTokens.hs256(payload(members.replace("\"aud\":", "\"x\":"), PAIRED)));
  }

  /** Where a lone surrogate may stand in a refresh token's claims (which have no perms). */
  static Stream<Arguments> refreshPlaces() {
    return Stream.of(
        Arguments.of("data, a value", "\"data\":{\"user_id\":\"%s\"}"),
        Arguments.of("data, a nested member name", "\"data\":{\"a\":[{\"%s\":null}]}"),
        Arguments.of("sub", "\"sub\":\"%s\",\"data\":{}"),
        Arguments.of("a claim apojwt does not read", "\"data\":{},\"sid\":\"s%s\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refreshPlaces")
  void theSameInARefreshToken(String place, String members) {
    for (String text : LONE) {
      String token =
          TestTokens.hmac(
              "HmacSHA256", TestTokens.REFRESH_SECRET, REFRESH_HEADER, payload(members, text));
      assertRefused(() -> JWT.verifyRefresh(token), "payload");
    }
    JWT.verifyRefresh(
        TestTokens.hmac(
            "HmacSHA256", TestTokens.REFRESH_SECRET, REFRESH_HEADER, payload(members, PAIRED)));
  }

  static Stream<String> headers() {
    return Stream.of(
        "{\"alg\":\"HS256\",\"typ\":\"at+jwt%s\"}",
        "{\"alg\":\"HS256%s\"}",
        "{\"alg\":\"HS256\",\"kid\":\"k%s\"}",
        "{\"alg\":\"HS256\",\"%s\":1}",
        "{\"alg\":\"HS256\",\"x\":{\"y\":[\"%s\"]}}");
  }

  /** The header is checked before the signature: refused whatever key signed it. */
  @ParameterizedTest
  @MethodSource("headers")
  void aLoneSurrogateEscapeInTheHeaderIsMalformed(String header) {
    for (String text : LONE) {
      String token =
          TestTokens.hmac(
              "HmacSHA256",
              "another-secret-of-at-least-32-bytes!",
              header.replace("%s", text),
              TestTokens.payload(""));
      assertRefused(() -> JWT.verify(token), "header");
    }
  }

  @Test
  void anEscapedPairInTheHeaderIsFine() {
    String header =
        "{\"alg\":\"HS256\",\"kid\":\"" + PAIRED + "\",\"x\":{\"y\":[\"" + PAIRED + "\"]}}";
    JWT.verify(TestTokens.hmac("HmacSHA256", TestTokens.SECRET, header, TestTokens.payload("")));
  }

  @Test
  void creationRefusesWhatVerificationRefuses() {
    assertThrows(
        IllegalArgumentException.class,
        () -> JWT.createToken("user\uD800", List.of("orders:read"), Map.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> JWT.createToken("u", List.of(), Map.of("a", List.of(Map.of("b", "\uDC00")))));
    assertThrows(
        IllegalArgumentException.class,
        () -> JWT.createTokens("u", List.of(), Map.of(), Map.of("x\uD800", 1)));
    // The configured issuer and audience go into every token.
    assertThrows(IllegalArgumentException.class, () -> TestTokens.hs256().issuer("apo\uD800"));
    assertThrows(
        IllegalArgumentException.class, () -> TestTokens.hs256().serverAudience("a", "\uDC00b"));
    // What creation writes for a pair (as an escaped pair: tokens are ASCII) verifies.
    String token = JWT.createToken("\uD83D\uDE00", List.of(), Map.of("e", "\uD83D\uDE00"));
    assertEquals("\uD83D\uDE00", JWT.verify(token).subject());
    assertEquals(Map.of("e", "\uD83D\uDE00"), JWT.verify(token).data());
  }

  private static void assertRefused(Runnable verify, String part) {
    ApoJwtException e = assertThrows(ApoJwtException.class, verify::run);
    assertEquals(AuthFailure.Reason.MALFORMED, e.reason());
    assertEquals(part + " has an unpaired surrogate escape", e.failure().detail());
  }
}
