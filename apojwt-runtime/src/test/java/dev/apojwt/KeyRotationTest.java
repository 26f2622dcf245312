package dev.apojwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Several keys with kids: the kid chooses among the configured keys only, never falls back. */
class KeyRotationTest {
  private static final String PAYLOAD = TestTokens.payload("");

  /** The auth service after a rotation: signs with 2026-12, still accepts 2026-11. */
  private static final ApoJwt ROTATED =
      ApoJwt.builder()
          .algorithm("ES256")
          .signingKeys("2026-12", Keys.EC_NEW)
          .verificationKey("2026-11", Keys.EC_OLD.getPublic())
          .clock(TestTokens.CLOCK)
          .build();

  /** The same service before the rotation. */
  private static final ApoJwt BEFORE =
      ApoJwt.builder()
          .algorithm("ES256")
          .signingKeys("2026-11", Keys.EC_OLD)
          .clock(TestTokens.CLOCK)
          .build();

  private static AuthFailure.Reason reason(ApoJwt jwt, String token) {
    ApoJwtException e = assertThrows(ApoJwtException.class, () -> jwt.verify(token));
    String said = e.getMessage() + e.failure().detail() + e.failure().wwwAuthenticate();
    assertFalse(said.contains("INJECTED"), said);
    return e.reason();
  }

  @Test
  void tokensCarryTheSigningKidAndVerify() {
    String token = ROTATED.createToken("u", List.of("p"), Map.of());
    assertEquals("{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\"2026-12\"}", Keys.header(token));
    assertEquals("u", ROTATED.verify(token).subject());
  }

  @Test
  void withoutAKidTheHeaderIsByteForByteAsBefore() {
    ApoJwt plain =
        ApoJwt.builder()
            .algorithm("ES256")
            .signingKeys(Keys.EC_NEW)
            .clock(TestTokens.CLOCK)
            .build();
    String token = plain.createToken("u", List.of(), Map.of());
    assertEquals("{\"alg\":\"ES256\",\"typ\":\"at+jwt\"}", Keys.header(token));
  }

  @Test
  void tokensOfThePreviousKeyStillVerify() {
    String old = BEFORE.createToken("u", List.of("p"), Map.of());
    assertEquals("u", ROTATED.verify(old).subject());
  }

  @Test
  void anUnknownKidIsABadSignatureNeverAFallback() {
    String other =
        Keys.es256(Keys.EC_OTHER.getPrivate(), "{\"alg\":\"ES256\",\"kid\":\"2026-10\"}", PAYLOAD);
    assertEquals(AuthFailure.Reason.BAD_SIGNATURE, reason(ROTATED, other));
    // Signed with the new key but naming the old one: checked with the old one only.
    String misnamed =
        Keys.es256(Keys.EC_NEW.getPrivate(), "{\"alg\":\"ES256\",\"kid\":\"2026-11\"}", PAYLOAD);
    assertEquals(AuthFailure.Reason.BAD_SIGNATURE, reason(ROTATED, misnamed));
  }

  @Test
  void aTokenWithoutKidNeedsTheKeyWithoutKid() {
    String noKid = Keys.es256(Keys.EC_NEW.getPrivate(), "{\"alg\":\"ES256\"}", PAYLOAD);
    assertEquals(AuthFailure.Reason.BAD_SIGNATURE, reason(ROTATED, noKid));
    ApoJwt migrating =
        ApoJwt.builder()
            .algorithm("ES256")
            .signingKeys("2027-01", Keys.EC_NEW)
            .verificationKey(Keys.EC_OLD.getPublic()) // the key of before kids
            .clock(TestTokens.CLOCK)
            .build();
    String before = Keys.es256(Keys.EC_OLD.getPrivate(), "{\"alg\":\"ES256\"}", PAYLOAD);
    assertEquals("user-1", migrating.verify(before).subject());
    assertEquals(AuthFailure.Reason.BAD_SIGNATURE, reason(migrating, noKid));
  }

  @Test
  void kidInjectionIsRefusedWithoutEchoingIt() {
    String[] malformed = {
      "{\"alg\":\"ES256\",\"kid\":\"' OR 1=1 -- INJECTED\"}",
      "{\"alg\":\"ES256\",\"kid\":\"INJECTED" + "k".repeat(200) + "\"}",
      "{\"alg\":\"ES256\",\"kid\":\"\"}",
      "{\"alg\":\"ES256\",\"kid\":\"INJECTED\\u0000\"}",
      "{\"alg\":\"ES256\",\"kid\":\"INJECTED\\u00e9\"}",
      "{\"alg\":\"ES256\",\"kid\":17}",
      "{\"alg\":\"ES256\",\"kid\":[\"2026-12\"]}",
      "{\"alg\":\"ES256\",\"kid\":{\"INJECTED\":1}}",
      "{\"alg\":\"ES256\",\"kid\":null}",
    };
    for (String header : malformed) {
      String token = Keys.es256(Keys.EC_NEW.getPrivate(), header, PAYLOAD);
      assertEquals(AuthFailure.Reason.MALFORMED, reason(ROTATED, token), header);
    }
    // Path-like and other well-formed ids name no key: a bad signature, and never a file.
    for (String kid : List.of("../../../../dev/null", "/etc/passwd", "2026-12/../2026-11")) {
      String token =
          Keys.es256(
              Keys.EC_NEW.getPrivate(), "{\"alg\":\"ES256\",\"kid\":\"" + kid + "\"}", PAYLOAD);
      assertEquals(AuthFailure.Reason.BAD_SIGNATURE, reason(ROTATED, token), kid);
    }
    String twice =
        Keys.es256(
            Keys.EC_NEW.getPrivate(),
            "{\"alg\":\"ES256\",\"kid\":\"2026-12\",\"kid\":\"2026-11\"}",
            PAYLOAD);
    assertEquals(AuthFailure.Reason.MALFORMED, reason(ROTATED, twice));
  }

  @Test
  void aTokenNamingAKeyOfAnotherAlgorithmIsABadAlgorithm() {
    ApoJwt mixed =
        ApoJwt.builder()
            .algorithms("ES256", "RS256")
            .signingKeys("ec", Keys.EC_NEW)
            .verificationKey("rsa", TestTokens.rsa().getPublic())
            .clock(TestTokens.CLOCK)
            .build();
    String rsaSigned =
        Keys.sign(
            "SHA256withRSA",
            TestTokens.rsa().getPrivate(),
            "{\"alg\":\"RS256\",\"kid\":\"rsa\"}",
            PAYLOAD);
    assertEquals("user-1", mixed.verify(rsaSigned).subject());
    // ES256 naming the RSA key, RS256 naming the EC key: the key decides, not the header.
    String esNamingRsa =
        Keys.es256(Keys.EC_NEW.getPrivate(), "{\"alg\":\"ES256\",\"kid\":\"rsa\"}", PAYLOAD);
    assertEquals(AuthFailure.Reason.BAD_ALGORITHM, reason(mixed, esNamingRsa));
    String rsNamingEc =
        Keys.sign(
            "SHA256withRSA",
            TestTokens.rsa().getPrivate(),
            "{\"alg\":\"RS256\",\"kid\":\"ec\"}",
            PAYLOAD);
    assertEquals(AuthFailure.Reason.BAD_ALGORITHM, reason(mixed, rsNamingEc));
    // The RSA public key as an HMAC secret: HS256 is not allowed at all.
    String confused =
        TestTokens.hmac(
            "HmacSHA256",
            new String(
                TestTokens.rsa().getPublic().getEncoded(),
                java.nio.charset.StandardCharsets.ISO_8859_1),
            "{\"alg\":\"HS256\",\"kid\":\"rsa\"}",
            PAYLOAD);
    assertEquals(AuthFailure.Reason.BAD_ALGORITHM, reason(mixed, confused));
  }

  @Test
  void hmacSecretsRotateByKidToo() {
    String old = "previous-secret-of-at-least-32-bytes!!";
    ApoJwt before = ApoJwt.builder().secret(old).clock(TestTokens.CLOCK).build();
    ApoJwt after =
        ApoJwt.builder()
            .secret("s2", TestTokens.SECRET)
            .verificationSecret(old) // tokens of before kids
            .verificationSecret("s1", "an-even-older-secret-of-32-bytes-or-more")
            .clock(TestTokens.CLOCK)
            .build();
    String token = after.createToken("u", List.of(), Map.of());
    assertEquals("{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"s2\"}", Keys.header(token));
    assertEquals("u", after.verify(token).subject());
    assertEquals("u", after.verify(before.createToken("u", List.of(), Map.of())).subject());
    String s1 =
        TestTokens.hmac(
            "HmacSHA256",
            "an-even-older-secret-of-32-bytes-or-more",
            "{\"alg\":\"HS256\",\"kid\":\"s1\"}",
            PAYLOAD);
    assertEquals("user-1", after.verify(s1).subject());
    String wrongSecretForKid =
        TestTokens.hmac("HmacSHA256", old, "{\"alg\":\"HS256\",\"kid\":\"s1\"}", PAYLOAD);
    assertEquals(AuthFailure.Reason.BAD_SIGNATURE, reason(after, wrongSecretForKid));
    assertEquals("[]", after.jwks().replaceAll("[^\\[\\]]", ""), "HMAC secrets never appear");
  }

  @Test
  void theRefreshSecretMustDifferFromEveryAccessSecret() {
    String old = "previous-secret-of-at-least-32-bytes!!";
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ApoJwt.builder()
                    .secret("s2", TestTokens.SECRET)
                    .verificationSecret("s1", old)
                    .refresh(old, java.time.Duration.ofDays(1), c -> null)
                    .build());
    assertTrue(e.getMessage().contains("must differ"), e.getMessage());
  }
}
