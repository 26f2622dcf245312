package dev.apojwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A refresh token never passes as an access token, nor the reverse, under any configuration. */
class TokenKindTest {

  static Stream<Arguments> configurations() {
    Duration day = Duration.ofDays(1);
    return Stream.of(
        Arguments.of("HS256", TestTokens.hs256WithRefresh().build()),
        Arguments.of(
            "HS512",
            ApoJwt.builder()
                .algorithm("HS512")
                .secret("a".repeat(64))
                .refresh("r".repeat(64), day, c -> null)
                .clock(TestTokens.CLOCK)
                .build()),
        Arguments.of(
            "RS256",
            ApoJwt.builder()
                .algorithm("RS256")
                .signingKeys(TestTokens.rsa())
                .refresh(TestTokens.REFRESH_SECRET, day, c -> null)
                .clock(TestTokens.CLOCK)
                .build()),
        Arguments.of(
            "ES256",
            ApoJwt.builder()
                .algorithm("ES256")
                .signingKeys(TestTokens.ec256())
                .refresh(TestTokens.REFRESH_SECRET, day, c -> null)
                .clock(TestTokens.CLOCK)
                .build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configurations")
  void eachKindIsRefusedWhereTheOtherIsRequired(String name, ApoJwt jwt) {
    TokenPair pair = jwt.createTokens("u", List.of("p"), Map.of(), Map.of("user_id", "u"));
    ApoJwtException asAccess =
        assertThrows(ApoJwtException.class, () -> jwt.verify(pair.refresh()));
    assertEquals(AuthFailure.Reason.WRONG_TOKEN_KIND, asAccess.reason());
    assertEquals(Failures.NOT_ACCESS, asAccess.getMessage());
    ApoJwtException asRefresh =
        assertThrows(ApoJwtException.class, () -> jwt.verifyRefresh(pair.access()));
    assertEquals(AuthFailure.Reason.WRONG_TOKEN_KIND, asRefresh.reason());
    assertEquals(Failures.NOT_REFRESH, asRefresh.getMessage());
  }

  /**
   * apojwt 1.7 writes typ "JWT" for both kinds and tells them apart only by key and by the perms
   * claim. Even if some service signs both kinds with the same secret, the claims keep them apart.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("sameSecretTokens")
  void legacyTokensAreToldApartByTheirClaimsEvenUnderOneSecret(
      String name, String token, boolean isAccess) {
    String secret = TestTokens.SECRET;
    ApoJwt accessSide = TestTokens.hs256().build();
    ApoJwt refreshSide =
        ApoJwt.builder()
            .secret("x".repeat(32))
            .refresh(secret, Duration.ofDays(1), c -> null)
            .clock(TestTokens.CLOCK)
            .build();
    if (isAccess) {
      accessSide.verify(token);
      assertEquals(
          AuthFailure.Reason.WRONG_TOKEN_KIND,
          assertThrows(ApoJwtException.class, () -> refreshSide.verifyRefresh(token)).reason());
    } else {
      refreshSide.verifyRefresh(token);
      assertEquals(
          AuthFailure.Reason.WRONG_TOKEN_KIND,
          assertThrows(ApoJwtException.class, () -> accessSide.verify(token)).reason());
    }
  }

  static Stream<Arguments> sameSecretTokens() {
    long now = TestTokens.NOW.getEpochSecond();
    String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
    String access = TestTokens.payload("");
    String refresh =
        "{\"exp\":"
            + (now + 3600)
            + ",\"nbf\":"
            + now
            + ",\"iss\":\"\",\"aud\":[],\"iat\":"
            + now
            + ",\"data\":{\"user_id\":\"u\"}}";
    return Stream.of(
        Arguments.of(
            "legacy access",
            TestTokens.hmac("HmacSHA256", TestTokens.SECRET, header, access),
            true),
        Arguments.of(
            "legacy refresh",
            TestTokens.hmac("HmacSHA256", TestTokens.SECRET, header, refresh),
            false));
  }
}
