package dev.apojwt.security;

import dev.apojwt.ApoJwt;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

/** The services under attack: how each is configured, identically for verify and for guards. */
enum Services {
  /** HS256 access tokens, HS256 refresh tokens. */
  HMAC,
  /** RS256 access tokens (2048-bit key), HS256 refresh tokens. */
  RSA,
  /** HS256 with the symmetric key of RFC 7520 section 4.4 and apojwt's defaults otherwise. */
  RFC7520,
  /**
   * Keys with kids: ES256 signing key "2026-12", the previous EC key "2026-11", and an RSA key
   * "rsa-1" of another service (ES256 and RS256 allowed); HS256 refresh tokens.
   */
  KEYS;

  static final String SECRET = "security-suite-access-secret-32-bytes-or-more";
  static final String REFRESH_SECRET = "security-suite-refresh-secret-32-bytes-or-more";
  static final String ISSUER = "apogee";
  static final String AUDIENCE = "https://orders.example.com";

  /** 2026-01-01T00:00:00Z. */
  static final Instant NOW = Instant.ofEpochSecond(1_767_225_600L);

  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final byte[] RFC7520_KEY =
      Base64.getUrlDecoder().decode("hJtXIZ2uSN5kbQfbtTNWbpdmhkV8FJG-Onbc6mxCcYg");
  static final KeyPair RSA_KEYS = rsa();
  static final KeyPair EC_KEYS = ec();
  static final KeyPair EC_PREVIOUS = ec();

  private static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  static KeyPair ec() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** This service's configuration; callers add a token finder or exception handler. */
  ApoJwt.Builder builder() {
    switch (this) {
      case HMAC:
        return ApoJwt.builder()
            .secret(SECRET)
            .issuer(ISSUER)
            .serverAudience(AUDIENCE)
            .clock(CLOCK)
            .refresh(REFRESH_SECRET, Duration.ofDays(1), call -> null);
      case RSA:
        return ApoJwt.builder()
            .algorithm("RS256")
            .signingKeys(RSA_KEYS)
            .issuer(ISSUER)
            .serverAudience(AUDIENCE)
            .clock(CLOCK)
            .refresh(REFRESH_SECRET, Duration.ofDays(1), call -> null);
      case RFC7520:
        return ApoJwt.builder().secret(RFC7520_KEY).clock(CLOCK);
      case KEYS:
        return ApoJwt.builder()
            .algorithms("ES256", "RS256")
            .algorithm("ES256")
            .signingKeys("2026-12", EC_KEYS)
            .verificationKey("2026-11", EC_PREVIOUS.getPublic())
            .verificationKey("rsa-1", RSA_KEYS.getPublic())
            .issuer(ISSUER)
            .serverAudience(AUDIENCE)
            .clock(CLOCK)
            .refresh(REFRESH_SECRET, Duration.ofDays(1), call -> null);
      default:
        throw new AssertionError(this);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
