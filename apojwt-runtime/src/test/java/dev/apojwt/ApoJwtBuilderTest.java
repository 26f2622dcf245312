package dev.apojwt;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApoJwtBuilderTest {

  private static String rejection(Supplier<ApoJwt> build) {
    return assertThrows(IllegalArgumentException.class, build::get).getMessage();
  }

  private static String repeat(int bytes) {
    return "k".repeat(bytes);
  }

  @ParameterizedTest
  @CsvSource({"HS256, 32", "HS384, 48", "HS512, 64"})
  void hmacSecretsMustBeAtLeastTheHashSize(String algorithm, int minimum) {
    String message =
        rejection(() -> ApoJwt.builder().algorithm(algorithm).secret(repeat(minimum - 1)).build());
    assertTrue(message.contains("at least " + minimum + " bytes"), message);
    assertTrue(message.contains("it has " + (minimum - 1)), message);
    assertDoesNotThrow(() -> ApoJwt.builder().algorithm(algorithm).secret(repeat(minimum)).build());
  }

  @Test
  void secretLengthIsCountedInUtf8Bytes() {
    // 16 two-byte characters are 32 bytes.
    assertDoesNotThrow(() -> ApoJwt.builder().secret("é".repeat(16)).build());
    assertDoesNotThrow(() -> ApoJwt.builder().secret(new byte[32]).build());
  }

  @Test
  void unknownAlgorithmIsRejectedNamingTheChoices() {
    String message = rejection(() -> ApoJwt.builder().algorithm("none").secret(repeat(32)).build());
    assertTrue(message.contains("HS256") && message.contains("ES512"), message);
    rejection(() -> ApoJwt.builder().algorithm("PS256").secret(repeat(32)).build());
  }

  @Test
  void hmacNeedsASecretAndNoKeys() {
    assertTrue(rejection(() -> ApoJwt.builder().build()).contains("secret"));
    String message =
        rejection(() -> ApoJwt.builder().secret(repeat(32)).signingKeys(TestTokens.rsa()).build());
    assertTrue(message.contains("HMAC"), message);
  }

  @Test
  void asymmetricAlgorithmsNeedKeysNotSecrets() {
    assertTrue(
        rejection(() -> ApoJwt.builder().algorithm("RS256").secret(repeat(32)).build())
            .contains("key pair"));
    assertTrue(
        rejection(() -> ApoJwt.builder().algorithm("RS256").build()).contains("signingKeys"));
    assertTrue(
        rejection(
                () ->
                    ApoJwt.builder()
                        .algorithm("RS256")
                        .signingKeys(TestTokens.rsa())
                        .verificationKey(TestTokens.rsa().getPublic())
                        .build())
            .contains("not both"));
  }

  @Test
  void rsaKeysUnder2048BitsAreRejected() {
    KeyPair small = TestTokens.generate("RSA", 1024);
    String message =
        rejection(() -> ApoJwt.builder().algorithm("RS256").signingKeys(small).build());
    assertTrue(message.contains("at least 2048 bits") && message.contains("1024"), message);
    rejection(() -> ApoJwt.builder().algorithm("RS256").verificationKey(small.getPublic()).build());
  }

  @Test
  void keysMustFitTheAlgorithm() {
    assertTrue(
        rejection(() -> ApoJwt.builder().algorithm("RS256").signingKeys(TestTokens.ec256()).build())
            .contains("RSA key"));
    assertTrue(
        rejection(() -> ApoJwt.builder().algorithm("ES256").signingKeys(TestTokens.rsa()).build())
            .contains("EC key"));
    KeyPair p384 = TestTokens.ec("secp384r1");
    assertTrue(
        rejection(() -> ApoJwt.builder().algorithm("ES256").signingKeys(p384).build())
            .contains("P-256"));
    assertTrue(
        rejection(
                () ->
                    ApoJwt.builder()
                        .algorithm("ES384")
                        .verificationKey(TestTokens.ec256().getPublic())
                        .build())
            .contains("P-384"));
    assertDoesNotThrow(() -> ApoJwt.builder().algorithm("ES384").signingKeys(p384).build());
    assertDoesNotThrow(
        () -> ApoJwt.builder().algorithm("ES512").signingKeys(TestTokens.ec("secp521r1")).build());
  }

  @Test
  void aPrivateKeyThatDoesNotMatchThePublicKeyIsRejected() {
    KeyPair other = TestTokens.generate("RSA", 2048);
    KeyPair mixed = new KeyPair(TestTokens.rsa().getPublic(), other.getPrivate());
    assertTrue(
        rejection(() -> ApoJwt.builder().algorithm("RS256").signingKeys(mixed).build())
            .contains("does not match"));
  }

  @Test
  void refreshSecretMustDifferFromTheAccessSecretAndBeLongEnough() {
    String same = repeat(32);
    assertTrue(
        rejection(
                () ->
                    ApoJwt.builder()
                        .secret(same)
                        .refresh(same, Duration.ofDays(1), c -> null)
                        .build())
            .contains("must differ"));
    assertTrue(
        rejection(
                () ->
                    ApoJwt.builder()
                        .secret(same)
                        .refresh("short", Duration.ofDays(1), c -> null)
                        .build())
            .contains("refresh secret must be at least 32 bytes"));
    // With HS512 access tokens, refresh tokens are HS512 too and need 64 bytes.
    assertTrue(
        rejection(
                () ->
                    ApoJwt.builder()
                        .algorithm("HS512")
                        .secret(repeat(64))
                        .refresh("r".repeat(63), Duration.ofDays(1), c -> null)
                        .build())
            .contains("at least 64 bytes"));
    // With RSA access tokens, refresh tokens are HS256.
    assertDoesNotThrow(
        () ->
            ApoJwt.builder()
                .algorithm("RS256")
                .signingKeys(TestTokens.rsa())
                .refresh("r".repeat(32), Duration.ofDays(1), c -> null)
                .build());
  }

  @Test
  void leewayIsBetweenZeroAndFiveMinutes() {
    assertTrue(
        rejection(() -> TestTokens.hs256().leeway(Duration.ofSeconds(-1)).build())
            .contains("leeway"));
    assertTrue(
        rejection(() -> TestTokens.hs256().leeway(Duration.ofSeconds(301)).build())
            .contains("5 minutes"));
    assertDoesNotThrow(() -> TestTokens.hs256().leeway(Duration.ofMinutes(5)).build());
  }

  @Test
  void lifetimesMustBePositiveAndAccessShorterThanRefresh() {
    rejection(() -> TestTokens.hs256().expPeriod(Duration.ZERO).build());
    rejection(() -> TestTokens.hs256().expPeriod(Duration.ofSeconds(-5)).build());
    String message =
        rejection(
            () ->
                TestTokens.hs256()
                    .expPeriod(Duration.ofHours(2))
                    .refresh(TestTokens.REFRESH_SECRET, Duration.ofHours(2), c -> null)
                    .build());
    assertTrue(message.contains("must be shorter than the refresh lifetime"), message);
    rejection(
        () ->
            TestTokens.hs256()
                .refresh(TestTokens.REFRESH_SECRET, Duration.ofSeconds(0), c -> null)
                .build());
  }

  @Test
  void maxTokenLengthHasSaneBounds() {
    rejection(() -> TestTokens.hs256().maxTokenLength(10).build());
    rejection(() -> TestTokens.hs256().maxTokenLength(2_000_000).build());
    assertDoesNotThrow(() -> TestTokens.hs256().maxTokenLength(128).build());
  }

  @Test
  void nullAndBlankSettingsAreRejectedAtOnce() {
    ApoJwt.Builder b = ApoJwt.builder();
    assertThrows(IllegalArgumentException.class, () -> b.secret((String) null));
    assertThrows(IllegalArgumentException.class, () -> b.issuer(null));
    assertThrows(IllegalArgumentException.class, () -> b.clock(null));
    assertThrows(IllegalArgumentException.class, () -> b.tokenFinder(null));
    assertThrows(IllegalArgumentException.class, () -> b.exceptionHandler(null));
    assertThrows(IllegalArgumentException.class, () -> b.adminPermission(" "));
    assertThrows(IllegalArgumentException.class, () -> b.serverAudience("a", " "));
    assertThrows(IllegalArgumentException.class, () -> b.serverAudience((List<String>) null));
  }

  /** secret(System.getenv("JWT_SECRET")) with the variable unset: the message says what to do. */
  @Test
  void aNullSecretSaysWhatToCheckAndWhatToPass() {
    ApoJwt.Builder b = ApoJwt.builder();
    String expected =
        "secret is null (is the environment variable you read it from set?): pass a secret of at"
            + " least 32 bytes (48 for HS384, 64 for HS512); generate one with: openssl rand"
            + " -base64 48";
    assertEquals(
        expected,
        assertThrows(IllegalArgumentException.class, () -> b.secret((String) null)).getMessage());
    assertEquals(
        expected,
        assertThrows(IllegalArgumentException.class, () -> b.secret((byte[]) null)).getMessage());
    String refresh =
        "refresh secret is null (is the environment variable you read it from set?): pass a"
            + " refresh secret of at least 32 bytes (48 for HS384, 64 for HS512); generate one"
            + " with: openssl rand -base64 48";
    assertEquals(
        refresh,
        assertThrows(
                IllegalArgumentException.class,
                () -> b.refresh((String) null, Duration.ofDays(1), c -> null))
            .getMessage());
    assertEquals(
        refresh,
        assertThrows(
                IllegalArgumentException.class,
                () -> b.refresh((byte[]) null, Duration.ofDays(1), c -> null))
            .getMessage());
  }

  @Test
  void aVerificationOnlyInstanceVerifiesButCannotCreate() {
    ApoJwt signer =
        ApoJwt.builder()
            .algorithm("RS256")
            .signingKeys(TestTokens.rsa())
            .clock(TestTokens.CLOCK)
            .build();
    ApoJwt verifier =
        ApoJwt.builder()
            .algorithm("RS256")
            .verificationKey(TestTokens.rsa().getPublic())
            .clock(TestTokens.CLOCK)
            .build();
    String token = signer.createToken("u", List.of("p"), Map.of());
    assertEquals("u", verifier.verify(token).subject());
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> verifier.createToken("u", List.of(), Map.of()));
    assertTrue(e.getMessage().contains("verification key"), e.getMessage());
    assertTrue(verifier.toString().contains("verify only"));
  }

  @Test
  void refreshOperationsNeedRefreshConfiguration() {
    ApoJwt jwt = TestTokens.hs256().build();
    assertThrows(
        IllegalStateException.class, () -> jwt.createTokens("u", List.of(), Map.of(), Map.of()));
    assertThrows(IllegalStateException.class, () -> jwt.verifyRefresh("a.b.c"));
    assertEquals(null, jwt.refreshPeriod());
    assertEquals(Duration.ofMinutes(15), jwt.expPeriod());
  }

  @Test
  void toStringShowsTheConfigurationButNoSecret() {
    ApoJwt jwt =
        TestTokens.hs256WithRefresh()
            .issuer("apogee")
            .serverAudience("https://orders.example.com")
            .adminPermission("admin")
            .build();
    String text = jwt.toString();
    assertTrue(text.contains("HS256") && text.contains("apogee") && text.contains("admin"), text);
    assertFalse(text.contains(TestTokens.SECRET), text);
    assertFalse(text.contains(TestTokens.REFRESH_SECRET), text);
    assertFalse(text.contains(TestTokens.b64(TestTokens.SECRET)), text);
  }

  @Test
  void theBuilderCopiesSecretsSoLaterChangesDoNotLeakIn() {
    byte[] secret = repeat(32).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ApoJwt.Builder builder = ApoJwt.builder().secret(secret).clock(TestTokens.CLOCK);
    ApoJwt jwt = builder.build();
    String token = jwt.createToken("u", List.of(), Map.of());
    java.util.Arrays.fill(secret, (byte) 0);
    assertEquals("u", jwt.verify(token).subject());
  }
}
