package dev.apojwt;

import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Whatever createToken and build() accept makes tokens that verify accepts: a value, a length or a
 * lifetime no token can have is refused when it is given, never turned into tokens that every
 * verification refuses. (Each case failed in a review before its fix; do not loosen one, fix the
 * production code.)
 */
class CreatedTokensVerifyTest {
  private static final ApoJwt JWT = TestTokens.hs256().build();

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
}
