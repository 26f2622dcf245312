package dev.apojwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Regressions from the independent security and contract review: each test failed before its fix.
 * Do not "fix" a test by loosening it; fix the production code.
 */
class ReviewRegressionTest {
  private static final ApoJwt JWT = TestTokens.hs256().build();

  // ------------------------------------------------------------------ createToken makes broken
  // tokens

  /**
   * Issue 2: "Data must be JSON values ...; anything else is an IllegalArgumentException at
   * creation, never a broken token". createToken must either refuse the value or make a token that
   * verify accepts; it does neither of those for these inputs.
   */
  private static void createdTokenVerifiesOrCreationRefuses(Map<String, ?> data) {
    String token;
    try {
      token = JWT.createToken("user-1", List.of("orders:read"), data);
    } catch (IllegalArgumentException refusedAtCreation) {
      return; // the contract allows this
    }
    try {
      JWT.verify(token);
    } catch (ApoJwtException e) {
      fail("createToken made a token that verify refuses: " + e.failure());
    }
  }

  /** Was a bug: BigDecimal 1E+400 is written as-is, and verify refuses it as non-finite. */
  @Test
  void createToken_bigDecimalBeyondDoubleRange_isRefusedOrVerifies() {
    createdTokenVerifiesOrCreationRefuses(Map.of("amount", new BigDecimal("1E+400")));
  }

  /** Was a bug: a 1001-digit BigInteger is written, and Jackson's 1000-digit cap refuses it. */
  @Test
  void createToken_bigIntegerOver1000Digits_isRefusedOrVerifies() {
    createdTokenVerifiesOrCreationRefuses(Map.of("n", new BigInteger("9".repeat(1001))));
  }

  /**
   * Was a bug: createToken ignores maxTokenLength, so large data gives a token that verify refuses
   * before decoding ("token is longer than the configured maximum").
   */
  @Test
  void createToken_longerThanMaxTokenLength_isRefusedAtCreation() {
    createdTokenVerifiesOrCreationRefuses(
        Map.of("note", "x".repeat(ApoJwt.DEFAULT_MAX_TOKEN_LENGTH)));
  }

  // ------------------------------------------------------------------ build() accepts lifetimes no
  // token can have

  /**
   * Was a bug: build() accepts an expPeriod that puts exp beyond 9999-12-31, the verifier's
   * NumericDate range, so every access token this ApoJwt makes is refused (MALFORMED).
   */
  @Test
  void build_rejectsAnExpPeriodWhoseExpTheVerifierRefuses() {
    ApoJwt jwt;
    try {
      jwt = TestTokens.hs256().expPeriod(Duration.ofDays(3_000_000)).build();
    } catch (IllegalArgumentException expected) {
      return; // what build() should do
    }
    try {
      jwt.verify(jwt.createToken("u", List.of(), Map.of()));
    } catch (ApoJwtException e) {
      fail("build() accepted an expPeriod whose tokens are all refused: " + e.failure());
    }
  }

  /**
   * Was a bug: a refresh period of Long.MAX_VALUE seconds passes build(); exp = now + period
   * overflows to a negative number and every refresh token is refused (MALFORMED).
   */
  @Test
  void build_rejectsARefreshPeriodThatOverflowsExp() {
    ApoJwt jwt;
    try {
      jwt =
          TestTokens.hs256()
              .refresh(TestTokens.REFRESH_SECRET, Duration.ofSeconds(Long.MAX_VALUE), call -> null)
              .build();
    } catch (IllegalArgumentException expected) {
      return; // what build() should do
    }
    String refresh = jwt.createTokens("u", List.of(), Map.of(), Map.of()).refresh();
    try {
      jwt.verifyRefresh(refresh);
    } catch (ApoJwtException e) {
      fail("build() accepted a refresh period whose tokens are all refused: " + e.failure());
    }
  }

  // ------------------------------------------------------------------ key separation

  /**
   * Was a bug: build() compares the access and refresh secrets byte for byte, but HMAC pads short
   * keys with zeros (and hashes keys longer than the block), so a "different" refresh secret can be
   * the same HMAC key. SECURITY.md 3.12 counts distinct keys as one of the three independent
   * separations of access and refresh tokens; here it silently does not hold.
   */
  @Test
  void build_rejectsARefreshSecretThatIsTheSameHmacKey_zeroPadded() {
    byte[] access = TestTokens.SECRET.getBytes(StandardCharsets.UTF_8);
    byte[] refresh = Arrays.copyOf(access, access.length + 1); // access || 0x00
    assertEquivalentKeysRefused(access, refresh);
  }

  /** Was a bug: same, with a secret longer than SHA-256's 64-byte block and its hash. */
  @Test
  void build_rejectsARefreshSecretThatIsTheSameHmacKey_hashedLongKey() throws Exception {
    byte[] access = "k".repeat(100).getBytes(StandardCharsets.UTF_8);
    byte[] refresh = MessageDigest.getInstance("SHA-256").digest(access);
    assertEquivalentKeysRefused(access, refresh);
  }

  private static void assertEquivalentKeysRefused(byte[] access, byte[] refresh) {
    ApoJwt jwt;
    try {
      jwt =
          ApoJwt.builder()
              .secret(access)
              .clock(TestTokens.CLOCK)
              .refresh(refresh, Duration.ofDays(1), call -> null)
              .build();
    } catch (IllegalArgumentException expected) {
      return; // what build() should do
    }
    // Show the consequence: the refresh key's signatures pass the access key's check.
    String signingInput =
        TestTokens.b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}")
            + "."
            + TestTokens.b64(TestTokens.payload(""));
    String byRefreshKey = signingInput + "." + TestTokens.b64(hmacSha256(refresh, signingInput));
    jwt.verify(byRefreshKey); // passes: the two configured keys are one HMAC key
    fail("build() accepted a refresh secret that is the same HMAC key as the access secret");
  }

  private static byte[] hmacSha256(byte[] key, String input) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  // ------------------------------------------------------------------ SECURITY.md says more than
  // the code does

  /**
   * Was a bug: SECURITY.md step 9 promises "finite numbers" in the payload, but a non-finite number
   * in a claim apojwt does not read is skipped unchecked, and the token passes.
   */
  @Test
  void verify_refusesANonFiniteNumberAnywhereInThePayload() {
    String token = TestTokens.hs256(TestTokens.payload("\"x\":1e999"));
    ApoJwtException e = assertThrows(ApoJwtException.class, () -> JWT.verify(token));
    assertEquals(AuthFailure.Reason.MALFORMED, e.reason());
  }

  // ------------------------------------------------------------------ cost of refusing unsigned
  // input

  /**
   * Was a bug: the header is parsed before the signature is checked, and nothing bounded it but
   * maxTokenLength, so an unsigned header of hundreds of members cost tens of valid verifications
   * to refuse. Now a long header is refused by its length, before it is decoded
   * (RejectionBenchmark.hugeHeader measures the cost).
   */
  @Test
  void aLongUnsignedHeaderIsRefusedByItsLengthBeforeDecoding() {
    String valid = JWT.createToken("u", List.of("a"), Map.of());
    String[] parts = valid.split("\\.");
    StringBuilder header = new StringBuilder("{\"alg\":\"HS256\"");
    for (int i = 0; i < 600; i++) {
      header.append(",\"k").append(i).append("\":0");
    }
    header.append('}');
    String hostile = TestTokens.b64(header.toString()) + "." + parts[1] + "." + parts[2];
    assertTrue(hostile.length() <= ApoJwt.DEFAULT_MAX_TOKEN_LENGTH);
    ApoJwtException e = assertThrows(ApoJwtException.class, () -> JWT.verify(hostile));
    assertEquals(AuthFailure.Reason.MALFORMED, e.reason());
    assertEquals("header is longer than 1024 characters", e.failure().detail());
    // A header at the limit is still parsed (and here refused for its unknown crit).
    String atLimit = "{\"alg\":\"HS256\",\"crit\":[\"x\"],\"pad\":\"";
    int padding = 1024 * 3 / 4 - atLimit.length() - 2;
    String header768 = atLimit + "p".repeat(padding) + "\"}";
    String limitToken = TestTokens.b64(header768) + "." + parts[1] + "." + parts[2];
    assertTrue(TestTokens.b64(header768).length() <= 1024);
    assertEquals(
        "header 'crit' names an extension apojwt does not implement",
        assertThrows(ApoJwtException.class, () -> JWT.verify(limitToken)).failure().detail());
  }
}
