package dev.apojwt.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apojwt.ApoJwt;
import dev.apojwt.ApoJwtException;
import dev.apojwt.AuthFailure;
import dev.apojwt.VerifiedRefresh;
import dev.apojwt.VerifiedToken;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of test token, for every algorithm: accepted by the real verifier, or refused by it
 * for exactly the reason its name says (shown by a verifier for which only that one thing is
 * different accepting it).
 */
class TestTokensTest {
  private static final String REFRESH_SECRET = "refresh-secret-".repeat(5);
  private static final Duration LEEWAY = Duration.ofSeconds(30);

  private final TestClock clock = TestClock.startingNow();

  static Iterable<String> algorithms() {
    return Algorithms.ALL;
  }

  private ApoJwt service(String algorithm) {
    return configured(Algorithms.service(algorithm), clock);
  }

  private static ApoJwt configured(ApoJwt.Builder builder, TestClock clock) {
    return builder
        .issuer("https://auth.example.com")
        .serverAudience("orders")
        .leeway(LEEWAY)
        .clock(clock)
        .refresh(REFRESH_SECRET, Duration.ofDays(1), CallerToken.finder())
        .build();
  }

  private static TestTokens alice(ApoJwt jwt) {
    return TestTokens.of(jwt)
        .subject("alice")
        .permissions("orders:read", "orders:write")
        .data(Map.of("tenant", "acme"));
  }

  private static AuthFailure.Reason refusal(ApoJwt jwt, String token) {
    return assertThrows(ApoJwtException.class, () -> jwt.verify(token)).reason();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("algorithms")
  void accessTokensAreAcceptedWithTheirClaims(String algorithm) {
    ApoJwt jwt = service(algorithm);
    VerifiedToken token = jwt.verify(alice(jwt).access());
    assertEquals("alice", token.subject());
    assertEquals(Set.of("orders:read", "orders:write"), token.permissions());
    assertEquals(Map.of("tenant", "acme"), token.data());
    assertEquals(algorithm, ForeignKeys.algorithm(alice(jwt).access().split("\\.")[0]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("algorithms")
  void refreshTokensAreRefreshTokensAndNeverAccessTokens(String algorithm) {
    ApoJwt jwt = service(algorithm);
    String refresh = alice(jwt).refreshData(Map.of("user_id", "u-1")).refresh();
    VerifiedRefresh verified = jwt.verifyRefresh(refresh);
    assertEquals(Map.of("user_id", "u-1"), verified.data());
    assertEquals(AuthFailure.Reason.WRONG_TOKEN_KIND, refusal(jwt, refresh));
    assertEquals(
        AuthFailure.Reason.WRONG_TOKEN_KIND,
        assertThrows(ApoJwtException.class, () -> jwt.verifyRefresh(alice(jwt).access())).reason());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("algorithms")
  void expiredTokensAreRefusedForTheirExpiryAlone(String algorithm) {
    ApoJwt jwt = service(algorithm);
    String expired = alice(jwt).expired();
    assertEquals(AuthFailure.Reason.EXPIRED, refusal(jwt, expired));

    // Expired beyond the leeway by a second: two seconds earlier, the same verifier accepts it.
    clock.advance(Duration.ofSeconds(-1));
    assertEquals(AuthFailure.Reason.EXPIRED, refusal(jwt, expired));
    clock.advance(Duration.ofSeconds(-1));
    assertEquals("alice", jwt.verify(expired).subject());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("algorithms")
  void notYetValidTokensAreRefusedForTheirStartAlone(String algorithm) {
    ApoJwt jwt = service(algorithm);
    String early = alice(jwt).notYetValid();
    assertEquals(AuthFailure.Reason.NOT_YET_VALID, refusal(jwt, early));

    clock.advance(Duration.ofSeconds(59));
    assertEquals(AuthFailure.Reason.NOT_YET_VALID, refusal(jwt, early));
    clock.advance(Duration.ofSeconds(1));
    assertEquals(Set.of("orders:read", "orders:write"), jwt.verify(early).permissions());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("algorithms")
  void tamperedTokensCarryTheClaimedPermissionsUnderAnotherTokensSignature(String algorithm) {
    ApoJwt jwt = service(algorithm);
    String tampered = alice(jwt).permissions("admin").tampered();
    assertEquals(AuthFailure.Reason.BAD_SIGNATURE, refusal(jwt, tampered));

    String payload = payloadJson(tampered);
    assertTrue(payload.contains("\"sub\":\"alice\""), payload);
    assertTrue(payload.contains("\"perms\":[\"admin\"]"), payload);
    String header = tampered.substring(0, tampered.indexOf('.'));
    assertEquals(alice(jwt).access().substring(0, header.length()), header);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("algorithms")
  void tokensSignedWithAnotherKeyAreValidTokensOfThatKey(String algorithm) {
    ApoJwt jwt = service(algorithm);
    String foreign = alice(jwt).signedWithAnotherKey();
    assertEquals(AuthFailure.Reason.BAD_SIGNATURE, refusal(jwt, foreign));

    // The same configuration with the other key accepts it: only the key differs.
    ApoJwt other = configured(Algorithms.foreign(algorithm), clock);
    VerifiedToken token = other.verify(foreign);
    assertEquals("alice", token.subject());
    assertEquals(Set.of("orders:read", "orders:write"), token.permissions());
  }

  @Test
  void theAlgorithmsAreTheRuntimesOwnListWithEveryOneOfRfc7518ThatItSupports() {
    assertTrue(
        Algorithms.ALL.containsAll(
            java.util.List.of(
                "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384", "ES512")),
        Algorithms.ALL::toString);
  }

  @Test
  void theDefaultsAreATestUserWithNothing() {
    ApoJwt jwt = service("HS256");
    VerifiedToken token = jwt.verify(TestTokens.of(jwt).access());
    assertEquals(TestTokens.DEFAULT_SUBJECT, token.subject());
    assertEquals(Set.of(), token.permissions());
    assertEquals(Map.of(), token.data());
  }

  @Test
  void settersReturnCopiesSoOneInstanceServesEveryTest() {
    ApoJwt jwt = service("HS256");
    TestTokens tokens = TestTokens.of(jwt);
    TestTokens reader = tokens.subject("bob").permissions("orders:read");
    assertEquals(TestTokens.DEFAULT_SUBJECT, jwt.verify(tokens.access()).subject());
    assertEquals(Set.of(), jwt.verify(tokens.access()).permissions());
    assertEquals("bob", jwt.verify(reader.access()).subject());
    assertNotEquals(reader.access(), reader.access()); // each token has its own jti
  }

  @Test
  void dataMayHoldNullsAsJsonDoes() {
    ApoJwt jwt = service("HS256");
    Map<String, Object> data = new java.util.HashMap<>();
    data.put("middleName", null);
    assertEquals(data, jwt.verify(TestTokens.of(jwt).data(data).access()).data());
  }

  @Test
  void aVerifyOnlyApoJwtIsRefusedSayingWhatToDoInstead() {
    ApoJwt verifyOnly =
        ApoJwt.builder()
            .algorithm("ES256")
            .verificationKey(new KeyCache().ec("secp256r1").getPublic())
            .build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TestTokens.of(verifyOnly));
    assertTrue(e.getMessage().contains("only verifies tokens"), e.getMessage());
    assertTrue(e.getMessage().contains("@ApoJwtTest"), e.getMessage());
  }

  @Test
  void refreshTokensNeedRefreshConfigured() {
    ApoJwt noRefresh = Algorithms.service("HS256").build();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> TestTokens.of(noRefresh).refresh());
    assertTrue(e.getMessage().contains("refresh is not configured"), e.getMessage());
  }

  private static String payloadJson(String token) {
    String payload = token.split("\\.")[1];
    return new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
  }
}
