package dev.apojwt;

import static dev.apojwt.AuthFailure.Reason.BAD_ALGORITHM;
import static dev.apojwt.AuthFailure.Reason.BAD_AUDIENCE;
import static dev.apojwt.AuthFailure.Reason.BAD_ISSUER;
import static dev.apojwt.AuthFailure.Reason.BAD_SIGNATURE;
import static dev.apojwt.AuthFailure.Reason.EXPIRED;
import static dev.apojwt.AuthFailure.Reason.MALFORMED;
import static dev.apojwt.AuthFailure.Reason.MISSING_TOKEN;
import static dev.apojwt.AuthFailure.Reason.NOT_YET_VALID;
import static dev.apojwt.AuthFailure.Reason.WRONG_TOKEN_KIND;
import static dev.apojwt.TestTokens.hs256;
import static dev.apojwt.TestTokens.payload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way verify() refuses a token under the default HS256 configuration: the reason, the status,
 * and a message that echoes nothing of the token.
 */
class VerificationFailureTest {
  private static final ApoJwt JWT = TestTokens.hs256().build();
  private static final long NOW = TestTokens.NOW.getEpochSecond();
  private static final String HEADER = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\"}";
  private static final Set<String> CLIENT_MESSAGES =
      Set.of(
          Failures.MISSING,
          Failures.MALFORMED,
          Failures.BAD_ALGORITHM,
          Failures.BAD_SIGNATURE,
          Failures.EXPIRED,
          Failures.NOT_YET_VALID,
          Failures.BAD_ISSUER,
          Failures.BAD_AUDIENCE,
          Failures.NOT_ACCESS);

  private static String signed(String headerJson, String payloadJson) {
    return TestTokens.hmac("HmacSHA256", TestTokens.SECRET, headerJson, payloadJson);
  }

  /** A token whose payload is these raw bytes, correctly signed. */
  private static String signedBytes(byte[] payload) {
    return TestTokens.sign(
        "HmacSHA256", TestTokens.SECRET, TestTokens.b64(HEADER) + "." + TestTokens.b64(payload));
  }

  private static String claims(String members) {
    return "{" + members + "}";
  }

  private static final String SUB_PERMS = "\"sub\":\"u\",\"iss\":\"\",\"perms\":[]";

  static Stream<Arguments> refusals() {
    String valid = hs256(payload(""));
    String[] parts = valid.split("\\.");
    return Stream.of(
        // no token
        Arguments.of("null", null, MISSING_TOKEN),
        Arguments.of("empty", "", MISSING_TOKEN),
        Arguments.of("blank", "  \t", MISSING_TOKEN),
        // shape and charset, before any decoding
        Arguments.of("two parts", parts[0] + "." + parts[1], MALFORMED),
        Arguments.of("four parts", valid + ".x", MALFORMED),
        Arguments.of("five parts", valid + ".x.y", MALFORMED),
        Arguments.of("empty header", "." + parts[1] + "." + parts[2], MALFORMED),
        Arguments.of("empty payload", parts[0] + ".." + parts[2], MALFORMED),
        Arguments.of("space inside", parts[0] + ". " + parts[1] + "." + parts[2], MALFORMED),
        Arguments.of("leading whitespace", " " + valid, MALFORMED),
        Arguments.of("standard base64 plus", valid.replace('-', '+') + "+", MALFORMED),
        Arguments.of("padding", parts[0] + "=." + parts[1] + "." + parts[2], MALFORMED),
        Arguments.of("non-ASCII", valid + "é", MALFORMED),
        Arguments.of("Bearer prefix is not a token", "Bearer " + valid, MALFORMED),
        // header
        Arguments.of(
            "header not JSON", TestTokens.b64("nope") + "." + parts[1] + "." + parts[2], MALFORMED),
        Arguments.of("header an array", signed("[\"HS256\"]", payload("")), MALFORMED),
        Arguments.of("no alg", signed("{\"typ\":\"JWT\"}", payload("")), MALFORMED),
        Arguments.of("alg not a string", signed("{\"alg\":256}", payload("")), MALFORMED),
        Arguments.of(
            "alg none, empty signature",
            TestTokens.b64("{\"alg\":\"none\"}") + "." + parts[1] + ".",
            BAD_ALGORITHM),
        Arguments.of(
            "alg HS384 where HS256 is pinned",
            TestTokens.hmac(
                "HmacSHA384",
                TestTokens.SECRET + "-and-more-to-reach-48-bytes",
                "{\"alg\":\"HS384\"}",
                payload("")),
            BAD_ALGORITHM),
        Arguments.of(
            "alg lowercase hs256", signed("{\"alg\":\"hs256\"}", payload("")), BAD_ALGORITHM),
        Arguments.of(
            "duplicate alg",
            signed("{\"alg\":\"HS256\",\"alg\":\"HS256\"}", payload("")),
            MALFORMED),
        Arguments.of(
            "crit", signed("{\"alg\":\"HS256\",\"crit\":[\"exp\"]}", payload("")), MALFORMED),
        Arguments.of("zip", signed("{\"alg\":\"HS256\",\"zip\":\"DEF\"}", payload("")), MALFORMED),
        Arguments.of(
            "b64 false", signed("{\"alg\":\"HS256\",\"b64\":false}", payload("")), MALFORMED),
        Arguments.of(
            "typ refresh",
            signed("{\"alg\":\"HS256\",\"typ\":\"refresh+jwt\"}", payload("")),
            WRONG_TOKEN_KIND),
        Arguments.of(
            "typ unknown",
            signed("{\"alg\":\"HS256\",\"typ\":\"dpop+jwt\"}", payload("")),
            WRONG_TOKEN_KIND),
        Arguments.of(
            "typ not a string", signed("{\"alg\":\"HS256\",\"typ\":1}", payload("")), MALFORMED),
        Arguments.of(
            "header with trailing data", signed("{\"alg\":\"HS256\"}x", payload("")), MALFORMED),
        // signature
        Arguments.of("empty signature", parts[0] + "." + parts[1] + ".", BAD_SIGNATURE),
        Arguments.of("truncated signature", valid.substring(0, valid.length() - 3), BAD_SIGNATURE),
        Arguments.of(
            "signature of length 1 mod 4", valid.substring(0, valid.length() - 2), MALFORMED),
        Arguments.of("bit-flipped signature", flipLastSignatureChar(valid), BAD_SIGNATURE),
        Arguments.of("non-canonical signature encoding", nonCanonical(valid), MALFORMED),
        Arguments.of(
            "payload changed, signature kept",
            parts[0]
                + "."
                + TestTokens.b64(payload("").replace("orders:read", "orders:admin"))
                + "."
                + parts[2],
            BAD_SIGNATURE),
        Arguments.of(
            "signed with another secret",
            TestTokens.hmac(
                "HmacSHA256", "another-secret-of-at-least-32-bytes!!", HEADER, payload("")),
            BAD_SIGNATURE),
        // payload structure (correctly signed)
        Arguments.of(
            "payload not JSON", signedBytes("hello".getBytes(StandardCharsets.UTF_8)), MALFORMED),
        Arguments.of("payload an array", signed(HEADER, "[1,2]"), MALFORMED),
        Arguments.of("payload a string", signed(HEADER, "\"x\""), MALFORMED),
        Arguments.of("payload null", signed(HEADER, "null"), MALFORMED),
        Arguments.of("duplicate sub", signed(HEADER, payload("\"sub\":\"admin\"")), MALFORMED),
        Arguments.of(
            "escaped duplicate sub", signed(HEADER, payload("\"\\u0073ub\":\"admin\"")), MALFORMED),
        Arguments.of(
            "duplicate inside data", signed(HEADER, payload("\"x\":{\"a\":1,\"a\":2}")), MALFORMED),
        Arguments.of("trailing garbage", signed(HEADER, payload("") + "x"), MALFORMED),
        Arguments.of("second object", signed(HEADER, payload("") + "{}"), MALFORMED),
        Arguments.of("invalid UTF-8", signedBytes(invalidUtf8()), MALFORMED),
        Arguments.of(
            "UTF-16", signedBytes(payload("").getBytes(StandardCharsets.UTF_16LE)), MALFORMED),
        Arguments.of("byte order mark", signedBytes(withBom(payload(""))), MALFORMED),
        Arguments.of(
            "data nested 2,000 deep",
            signed(HEADER, payload("\"deep\":" + "[".repeat(2000) + "]".repeat(2000))),
            MALFORMED),
        Arguments.of("comment", signed(HEADER, "{/*c*/" + payload("").substring(1)), MALFORMED),
        Arguments.of("NaN", signed(HEADER, payload("\"x\":NaN")), MALFORMED),
        Arguments.of(
            "huge float in data",
            signed(HEADER, payload("").replace("\"data\":{}", "\"data\":{\"x\":1e999}")),
            MALFORMED),
        // exp, nbf, iat
        Arguments.of("exp missing", signed(HEADER, claims(SUB_PERMS)), MALFORMED),
        Arguments.of("exp null", signed(HEADER, claims(SUB_PERMS + ",\"exp\":null")), MALFORMED),
        Arguments.of(
            "exp a string",
            signed(HEADER, claims(SUB_PERMS + ",\"exp\":\"" + (NOW + 60) + "\"")),
            MALFORMED),
        Arguments.of(
            "exp fractional",
            signed(HEADER, claims(SUB_PERMS + ",\"exp\":" + (NOW + 60) + ".5")),
            MALFORMED),
        Arguments.of(
            "exp exponent form", signed(HEADER, claims(SUB_PERMS + ",\"exp\":1.8e9")), MALFORMED),
        Arguments.of(
            "exp huge",
            signed(HEADER, claims(SUB_PERMS + ",\"exp\":123456789012345678901234567890")),
            MALFORMED),
        Arguments.of(
            "exp beyond year 9999",
            signed(HEADER, claims(SUB_PERMS + ",\"exp\":253402300800")),
            MALFORMED),
        Arguments.of("exp negative", signed(HEADER, claims(SUB_PERMS + ",\"exp\":-1")), MALFORMED),
        Arguments.of("expired now", signed(HEADER, claims(SUB_PERMS + ",\"exp\":" + NOW)), EXPIRED),
        Arguments.of("expired long ago", signed(HEADER, claims(SUB_PERMS + ",\"exp\":1")), EXPIRED),
        Arguments.of(
            "nbf in the future",
            signed(HEADER, payload("").replace("\"nbf\":" + NOW, "\"nbf\":" + (NOW + 1))),
            NOT_YET_VALID),
        Arguments.of(
            "iat in the future",
            signed(HEADER, payload("").replace("\"iat\":" + NOW, "\"iat\":" + (NOW + 1))),
            NOT_YET_VALID),
        Arguments.of(
            "nbf a string",
            signed(HEADER, payload("").replace("\"nbf\":" + NOW, "\"nbf\":\"0\"")),
            MALFORMED),
        // iss
        Arguments.of(
            "iss missing",
            signed(HEADER, claims("\"sub\":\"u\",\"perms\":[],\"exp\":" + (NOW + 60))),
            BAD_ISSUER),
        Arguments.of(
            "iss wrong",
            signed(HEADER, payload("").replace("\"iss\":\"\"", "\"iss\":\"evil\"")),
            BAD_ISSUER),
        Arguments.of(
            "iss an array",
            signed(HEADER, payload("").replace("\"iss\":\"\"", "\"iss\":[\"\"]")),
            MALFORMED),
        // aud, with no audience configured
        Arguments.of(
            "aud names someone",
            signed(HEADER, payload("").replace("\"aud\":[]", "\"aud\":[\"x\"]")),
            BAD_AUDIENCE),
        Arguments.of(
            "aud an object",
            signed(HEADER, payload("").replace("\"aud\":[]", "\"aud\":{}")),
            MALFORMED),
        Arguments.of(
            "aud holds a number",
            signed(HEADER, payload("").replace("\"aud\":[]", "\"aud\":[1]")),
            MALFORMED),
        // sub, perms, data, jti types
        Arguments.of(
            "sub missing",
            signed(HEADER, payload("").replace("\"sub\":\"user-1\",", "")),
            MALFORMED),
        Arguments.of(
            "sub a number", signed(HEADER, payload("").replace("\"user-1\"", "1")), MALFORMED),
        Arguments.of(
            "sub null", signed(HEADER, payload("").replace("\"user-1\"", "null")), MALFORMED),
        Arguments.of(
            "perms a string",
            signed(HEADER, payload("").replace("[\"orders:read\"]", "\"orders:read\"")),
            MALFORMED),
        Arguments.of(
            "perms holds a number",
            signed(HEADER, payload("").replace("[\"orders:read\"]", "[1]")),
            MALFORMED),
        Arguments.of(
            "perms holds null",
            signed(HEADER, payload("").replace("[\"orders:read\"]", "[null]")),
            MALFORMED),
        Arguments.of(
            "perms missing",
            signed(HEADER, payload("").replace(",\"perms\":[\"orders:read\"]", "")),
            WRONG_TOKEN_KIND),
        Arguments.of(
            "data a string",
            signed(HEADER, payload("").replace("\"data\":{}", "\"data\":\"x\"")),
            MALFORMED),
        Arguments.of(
            "data an array",
            signed(HEADER, payload("").replace("\"data\":{}", "\"data\":[]")),
            MALFORMED),
        Arguments.of(
            "data null",
            signed(HEADER, payload("").replace("\"data\":{}", "\"data\":null")),
            MALFORMED),
        Arguments.of("jti a number", signed(HEADER, payload("\"jti\":7")), MALFORMED));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("refusals")
  void refused(String name, String token, AuthFailure.Reason reason) {
    ApoJwtException e = assertThrows(ApoJwtException.class, () -> JWT.verify(token));
    assertEquals(reason, e.reason(), () -> name + ": " + e.failure());
    assertEquals(401, e.status());
    assertTrue(CLIENT_MESSAGES.contains(e.getMessage()), e.getMessage());
    assertNoEcho(token, e);
  }

  /** Neither the message nor the detail contains any piece of the token. */
  static void assertNoEcho(String token, ApoJwtException e) {
    if (token == null) {
      return;
    }
    String said = e.getMessage() + " " + e.failure().detail() + " " + e.failure().wwwAuthenticate();
    for (String part : token.split("\\.")) {
      if (part.length() >= 6) {
        assertFalse(said.contains(part), "echoes the token: " + said);
      }
    }
    assertFalse(said.contains(TestTokens.SECRET), said);
  }

  private static String flipLastSignatureChar(String token) {
    char last = token.charAt(token.length() - 2);
    return token.substring(0, token.length() - 2)
        + (last == 'A' ? 'B' : 'A')
        + token.charAt(token.length() - 1);
  }

  /** Changes the unused low bits of the last signature character: same bytes, other string. */
  private static String nonCanonical(String token) {
    // An HS256 signature is 32 bytes = 43 characters, whose last carries 2 unused bits.
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    char last = token.charAt(token.length() - 1);
    int value = alphabet.indexOf(last);
    return token.substring(0, token.length() - 1) + alphabet.charAt(value ^ 1);
  }

  private static byte[] invalidUtf8() {
    byte[] valid = payload("\"x\":\"ab\"").getBytes(StandardCharsets.UTF_8);
    String text = new String(valid, StandardCharsets.ISO_8859_1);
    int at = text.indexOf("ab");
    valid[at] = (byte) 0xC3; // a lead byte followed by 'b' is not UTF-8
    return valid;
  }

  private static byte[] withBom(String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[body.length + 3];
    out[0] = (byte) 0xEF;
    out[1] = (byte) 0xBB;
    out[2] = (byte) 0xBF;
    System.arraycopy(body, 0, out, 3, body.length);
    return out;
  }

  @Test
  void theValidBaselineIsAccepted() {
    VerifiedToken token = JWT.verify(hs256(payload("")));
    assertEquals("user-1", token.subject());
    assertEquals(null, token.id());
  }

  @Test
  void acceptedHeaderVariants() {
    for (String header :
        List.of(
            "{\"alg\":\"HS256\"}",
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
            "{\"typ\":\"jwt\",\"alg\":\"HS256\"}",
            "{\"alg\":\"HS256\",\"typ\":\"application/at+JWT\"}",
            "{\"alg\":\"HS256\",\"kid\":\"other-key\",\"jku\":\"https://evil.example/keys\",\"jwk\":{\"kty\":\"oct\"},\"x5u\":\"https://evil\"}",
            " {\"alg\":\"HS256\"} ")) {
      assertEquals("user-1", JWT.verify(signed(header, payload(""))).subject(), header);
    }
  }

  @Test
  void unknownClaimsOfAnyTypeAreIgnored() {
    String token = signed(HEADER, payload("\"x\":[1,{\"y\":null}],\"z\":true,\"name\":\"n\""));
    assertEquals(Map.of(), JWT.verify(token).data());
  }

  @Test
  void absentOptionalClaims() {
    VerifiedToken token = JWT.verify(signed(HEADER, claims(SUB_PERMS + ",\"exp\":" + (NOW + 1))));
    assertEquals(Map.of(), token.data());
    assertEquals(List.of(), token.audience());
    assertEquals(null, token.issuedAt());
    assertEquals(null, token.notBefore());
  }

  @Test
  void expiryIsExclusiveAndLeewayApplies() {
    assertEquals(
        "u", JWT.verify(signed(HEADER, claims(SUB_PERMS + ",\"exp\":" + (NOW + 1)))).subject());
    ApoJwt lenient = TestTokens.hs256().leeway(Duration.ofSeconds(30)).build();
    assertEquals(
        "u",
        lenient.verify(signed(HEADER, claims(SUB_PERMS + ",\"exp\":" + (NOW - 29)))).subject());
    assertEquals(
        EXPIRED,
        assertThrows(
                ApoJwtException.class,
                () -> lenient.verify(signed(HEADER, claims(SUB_PERMS + ",\"exp\":" + (NOW - 30)))))
            .reason());
    String early = signed(HEADER, payload("").replace("\"nbf\":" + NOW, "\"nbf\":" + (NOW + 30)));
    assertEquals("user-1", lenient.verify(early).subject());
    String earlier = signed(HEADER, payload("").replace("\"iat\":" + NOW, "\"iat\":" + (NOW + 31)));
    assertEquals(
        NOT_YET_VALID, assertThrows(ApoJwtException.class, () -> lenient.verify(earlier)).reason());
  }

  @Test
  void aConfiguredIssuerMustMatchExactly() {
    ApoJwt jwt = TestTokens.hs256().issuer("apogee").build();
    String token = signed(HEADER, payload("").replace("\"iss\":\"\"", "\"iss\":\"apogee\""));
    assertEquals("apogee", jwt.verify(token).issuer());
    assertEquals(
        BAD_ISSUER,
        assertThrows(ApoJwtException.class, () -> jwt.verify(hs256(payload("")))).reason());
    String upper = signed(HEADER, payload("").replace("\"iss\":\"\"", "\"iss\":\"APOGEE\""));
    assertEquals(BAD_ISSUER, assertThrows(ApoJwtException.class, () -> jwt.verify(upper)).reason());
  }

  @Test
  void aConfiguredAudienceMustOverlap() {
    ApoJwt jwt = TestTokens.hs256().serverAudience("https://a", "https://b").build();
    for (String aud :
        List.of("\"https://a\"", "[\"https://b\"]", "[\"https://x\",\"https://a\"]")) {
      String token = signed(HEADER, payload("").replace("\"aud\":[]", "\"aud\":" + aud));
      assertEquals("user-1", jwt.verify(token).subject(), aud);
    }
    for (String aud : List.of("[]", "[\"https://x\"]", "\"https://x\"", "[\"HTTPS://A\"]")) {
      String token = signed(HEADER, payload("").replace("\"aud\":[]", "\"aud\":" + aud));
      assertEquals(
          BAD_AUDIENCE, assertThrows(ApoJwtException.class, () -> jwt.verify(token)).reason(), aud);
    }
    String noAud = signed(HEADER, payload("").replace("\"aud\":[],", ""));
    assertEquals(
        BAD_AUDIENCE, assertThrows(ApoJwtException.class, () -> jwt.verify(noAud)).reason());
  }

  @Test
  void tokensOverTheLengthCapAreRefusedBeforeDecoding() {
    ApoJwt jwt = TestTokens.hs256().maxTokenLength(300).build();
    String token = hs256(payload("\"pad\":\"" + "x".repeat(400) + "\""));
    ApoJwtException e = assertThrows(ApoJwtException.class, () -> jwt.verify(token));
    assertEquals(MALFORMED, e.reason());
    assertTrue(e.failure().detail().contains("longer"), e.failure().detail());
    // A megabyte of garbage is refused by its length alone.
    String huge = "a".repeat(1 << 20);
    assertEquals(MALFORMED, assertThrows(ApoJwtException.class, () -> JWT.verify(huge)).reason());
  }

  @Test
  void wwwAuthenticateFollowsRfc6750() {
    ApoJwtException missing = assertThrows(ApoJwtException.class, () -> JWT.verify(null));
    assertEquals("Bearer", missing.failure().wwwAuthenticate());
    ApoJwtException expired =
        assertThrows(
            ApoJwtException.class,
            () -> JWT.verify(signed(HEADER, claims(SUB_PERMS + ",\"exp\":1"))));
    assertEquals(
        "Bearer error=\"invalid_token\", error_description=\"JWT signature has expired\"",
        expired.failure().wwwAuthenticate());
  }

  @Test
  void failuresAreCheapNoStackTrace() {
    ApoJwtException e = assertThrows(ApoJwtException.class, () -> JWT.verify("x"));
    assertEquals(0, e.getStackTrace().length);
  }
}
