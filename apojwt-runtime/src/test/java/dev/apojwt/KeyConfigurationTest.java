package dev.apojwt;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What build() refuses about keys, kids, algorithms and key sets, with the fix in the message. */
class KeyConfigurationTest {
  private static String rejection(Supplier<ApoJwt> build) {
    return assertThrows(IllegalArgumentException.class, build::get).getMessage();
  }

  private static void says(String message, String expected) {
    assertTrue(message.contains(expected), message);
  }

  @Test
  void kidsMustBeValidAndDistinct() {
    says(
        assertThrows(
                IllegalArgumentException.class,
                () -> ApoJwt.builder().signingKeys("a b", Keys.EC_NEW))
            .getMessage(),
        "A-Z a-z 0-9");
    assertThrows(
        IllegalArgumentException.class,
        () -> ApoJwt.builder().verificationKey("k".repeat(129), Keys.EC_OLD.getPublic()));
    assertThrows(IllegalArgumentException.class, () -> ApoJwt.builder().secret("", "x"));
    says(
        rejection(
            () ->
                ApoJwt.builder()
                    .algorithm("ES256")
                    .signingKeys("k1", Keys.EC_NEW)
                    .verificationKey("k1", Keys.EC_OLD.getPublic())
                    .build()),
        "kid 'k1' names two keys");
    says(
        rejection(
            () ->
                ApoJwt.builder()
                    .algorithm("ES256")
                    .verificationKey("k1", Keys.EC_NEW.getPublic())
                    .verificationKey("k1", Keys.EC_OLD.getPublic())
                    .build()),
        "names two keys");
    says(
        rejection(
            () ->
                ApoJwt.builder()
                    .secret(TestTokens.SECRET)
                    .verificationSecret("another-secret-of-at-least-32-bytes!!")
                    .build()),
        "at most one key may have no kid");
  }

  @Test
  void aVerificationSecretMayNotRepeatAnotherSecret() {
    says(
        rejection(
            () ->
                ApoJwt.builder()
                    .secret("a", TestTokens.SECRET)
                    .verificationSecret("b", TestTokens.SECRET)
                    .build()),
        "same key");
    says(
        rejection(
            () ->
                ApoJwt.builder()
                    .algorithm("ES256")
                    .signingKeys(Keys.EC_NEW)
                    .verificationSecret("b", TestTokens.SECRET)
                    .build()),
        "goes with secret");
  }

  @Test
  void algorithmsAndTheKeysMustFit() {
    says(
        rejection(
            () ->
                ApoJwt.builder()
                    .algorithm("ES256")
                    .algorithms("RS256")
                    .signingKeys(Keys.EC_NEW)
                    .build()),
        "is not among algorithms");
    says(
        rejection(
            () ->
                ApoJwt.builder()
                    .algorithms("RS256", "ES384")
                    .verificationKey("k", Keys.EC_NEW.getPublic())
                    .build()),
        "suits none of the algorithms");
    says(
        rejection(() -> ApoJwt.builder().secret(TestTokens.SECRET).algorithms("HS256").build()),
        "HMAC secrets all use the one algorithm");
    says(
        rejection(
            () -> ApoJwt.builder().algorithms("HS256", "ES256").signingKeys(Keys.EC_NEW).build()),
        "HMAC algorithm");
    // Without algorithm(...), the first listed algorithm that suits the signing key signs.
    ApoJwt jwt =
        ApoJwt.builder()
            .algorithms("RS256", "ES256")
            .signingKeys("ec", Keys.EC_NEW)
            .clock(TestTokens.CLOCK)
            .build();
    String token = jwt.createToken("u", java.util.List.of(), java.util.Map.of());
    says(Keys.header(token), "\"alg\":\"ES256\"");
    assertDoesNotThrow(() -> ApoJwt.builder().algorithm("eddsa").signingKeys(Keys.ED25519).build());
  }

  @Test
  void permissionsClaimIsForTokensMadeElsewhere() {
    says(
        rejection(
            () -> ApoJwt.builder().secret(TestTokens.SECRET).permissionsClaim("scope").build()),
        "permissionsClaim is for tokens this service does not make");
    says(
        assertThrows(
                IllegalArgumentException.class, () -> ApoJwt.builder().permissionsClaim("a..b"))
            .getMessage(),
        "empty step");
    says(
        assertThrows(IllegalArgumentException.class, () -> ApoJwt.builder().permissionsClaim("sub"))
            .getMessage(),
        "would read a claim apojwt reads itself");
    says(
        assertThrows(IllegalArgumentException.class, () -> ApoJwt.builder().permissionsClaim("sid"))
            .getMessage(),
        "would read a claim apojwt reads itself");
    assertThrows(IllegalArgumentException.class, () -> ApoJwt.builder().permissionsClaim(" "));
    assertDoesNotThrow(
        () ->
            ApoJwt.builder()
                .algorithm("ES256")
                .verificationKey(Keys.EC_NEW.getPublic())
                .permissionsClaim("realm_access.roles")
                .build());
  }

  @Test
  void aJwksUriIsHttpsOrLoopbackAndStandsAlone() {
    says(
        rejection(
            () -> ApoJwt.builder().jwksUri(URI.create("http://auth.example.com/jwks")).build()),
        "must be https");
    says(
        rejection(() -> ApoJwt.builder().jwksUri(URI.create("ftp://127.0.0.1/jwks")).build()),
        "must be https");
    says(
        rejection(
            () -> ApoJwt.builder().jwksUri(URI.create("http://127.0.0.1.evil.example/j")).build()),
        "must be https");
    says(rejection(() -> ApoJwt.builder().jwksUri(URI.create("/jwks")).build()), "absolute");
    says(
        rejection(
            () ->
                ApoJwt.builder()
                    .jwksUri(URI.create("https://auth.example.com/jwks"))
                    .secret(TestTokens.SECRET)
                    .build()),
        "leave out secret");
    says(
        rejection(
            () ->
                ApoJwt.builder()
                    .jwksUri(URI.create("https://auth.example.com/jwks"))
                    .algorithms("HS256")
                    .build()),
        "a JWK Set never holds");
    says(
        rejection(
            () ->
                ApoJwt.builder()
                    .jwksUri(URI.create("https://auth.example.com/jwks"))
                    .jwksTimeout(java.time.Duration.ofMinutes(2))
                    .build()),
        "jwksTimeout");
    says(
        rejection(
            () ->
                ApoJwt.builder()
                    .jwksUri(URI.create("https://auth.example.com/jwks"))
                    .jwksOutageTolerance(java.time.Duration.ofDays(8))
                    .build()),
        "jwksOutageTolerance");
  }

  @Test
  void plainHttpIsForLoopbackAddressesOnly() {
    for (String uri :
        java.util.List.of(
            "http://127.0.0.1:8080/jwks",
            "http://127.1.2.3/jwks",
            "http://localhost/jwks",
            "http://LOCALHOST:9000/jwks",
            "http://[::1]:8080/jwks",
            "https://auth.example.com/oauth2/jwks",
            "HTTPS://auth.example.com/jwks")) {
      assertDoesNotThrow(() -> KeyConfiguration.checkedUri(URI.create(uri)), uri);
    }
    for (String uri :
        java.util.List.of(
            "http://127.0.0.256/jwks",
            "http://127.0.0/jwks",
            "http://128.0.0.1/jwks",
            "http://10.0.0.1/jwks",
            "http://[::2]/jwks",
            "http://127.0.0.1@auth.example.com/jwks",
            "http://localhost.example.com/jwks",
            "http://0x7f.0.0.1/jwks")) {
      says(
          assertThrows(
                  IllegalArgumentException.class,
                  () -> KeyConfiguration.checkedUri(URI.create(uri)),
                  uri)
              .getMessage(),
          "https");
    }
  }

  @Test
  void theVerifiedCacheHasSaneBounds() {
    assertThrows(IllegalArgumentException.class, () -> ApoJwt.builder().verifiedCache(0));
    assertThrows(IllegalArgumentException.class, () -> ApoJwt.builder().verifiedCache(10_000_001));
  }

  @Test
  void ed448AndOtherKeysAreRefusedForEdDsa() {
    says(
        rejection(
            () -> ApoJwt.builder().algorithm("EdDSA").signingKeys(Keys.generate("Ed448")).build()),
        "Ed25519");
    says(
        rejection(() -> ApoJwt.builder().algorithm("EdDSA").signingKeys(Keys.EC_NEW).build()),
        "Ed25519");
  }
}
