package dev.apojwt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Shared fixtures: secrets, keys, a fixed clock, and a way to hand-craft tokens. */
final class TestTokens {
  static final String SECRET = "test-access-secret-of-at-least-32-bytes!";
  static final String REFRESH_SECRET = "test-refresh-secret-of-at-least-32-bytes";

  /** 2026-01-01T00:00:00Z. */
  static final Instant NOW = Instant.ofEpochSecond(1_767_225_600L);

  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static KeyPair rsa;
  private static KeyPair ec256;

  private TestTokens() {}

  static ApoJwt.Builder hs256() {
    return ApoJwt.builder().secret(SECRET).clock(CLOCK);
  }

  static ApoJwt.Builder hs256WithRefresh() {
    return hs256().refresh(REFRESH_SECRET, java.time.Duration.ofDays(1), call -> null);
  }

  static synchronized KeyPair rsa() {
    if (rsa == null) {
      rsa = generate("RSA", 2048);
    }
    return rsa;
  }

  static synchronized KeyPair ec256() {
    if (ec256 == null) {
      ec256 = ec("secp256r1");
    }
    return ec256;
  }

  static KeyPair generate(String algorithm, int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      generator.initialize(bits);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  static KeyPair ec(String curve) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec(curve));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  static String b64(String json) {
    return b64(json.getBytes(StandardCharsets.UTF_8));
  }

  static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static byte[] unb64(String part) {
    return Base64.getUrlDecoder().decode(part);
  }

  /** header.payload signed with HMAC (by JCA, independently of the code under test). */
  static String hmac(String jcaAlgorithm, String secret, String headerJson, String payloadJson) {
    return sign(jcaAlgorithm, secret, b64(headerJson) + "." + b64(payloadJson));
  }

  static String sign(String jcaAlgorithm, String secret, String signingInput) {
    try {
      Mac mac = Mac.getInstance(jcaAlgorithm);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), jcaAlgorithm));
      byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + b64(signature);
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** An HS256 access token signed with {@link #SECRET}, with this payload. */
  static String hs256(String payloadJson) {
    return hmac("HmacSHA256", SECRET, "{\"alg\":\"HS256\",\"typ\":\"at+jwt\"}", payloadJson);
  }

  /** A valid access payload at {@link #NOW} with the default issuer and no audience. */
  static String payload(String extraMembers) {
    long now = NOW.getEpochSecond();
    return "{\"exp\":"
        + (now + 900)
        + ",\"sub\":\"user-1\",\"nbf\":"
        + now
        + ",\"iss\":\"\",\"aud\":[],\"iat\":"
        + now
        + ",\"data\":{},\"perms\":[\"orders:read\"]"
        + (extraMembers.isEmpty() ? "" : "," + extraMembers)
        + "}";
  }
}
