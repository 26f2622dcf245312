package dev.apojwt.benchmarks;

import dev.apojwt.ApoJwt;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Keys, configurations and pools of distinct tokens shared by the benchmarks. */
final class Fixtures {
  static final String SECRET = "benchmark-access-secret-of-at-least-32-bytes";
  static final String REFRESH_SECRET = "benchmark-refresh-secret-of-at-least-32-bytes";
  static final String ISSUER = "apogee";
  static final String AUDIENCE = "https://orders.example.com";
  static final String PERMISSION = "orders:read";

  /** Distinct tokens per run, cycled through, so no cache or branch history flatters a path. */
  static final int POOL = 1024;

  private Fixtures() {}

  static KeyPair keyPair(String algorithm) {
    try {
      if (algorithm.equals("EdDSA")) {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      }
      if (algorithm.startsWith("RS")) {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
      }
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An ApoJwt as a service would configure it; keys null for HS256. */
  static ApoJwt.Builder apoJwt(String algorithm, KeyPair keys) {
    ApoJwt.Builder builder = plain(algorithm);
    return keys == null ? builder.secret(SECRET) : builder.signingKeys(keys);
  }

  /** The same configuration without keys or secrets, for the caller to add them. */
  static ApoJwt.Builder plain(String algorithm) {
    return ApoJwt.builder()
        .algorithm(algorithm)
        .issuer(ISSUER)
        .serverAudience(AUDIENCE)
        .expPeriod(Duration.ofHours(1))
        .refresh(REFRESH_SECRET, Duration.ofDays(1), call -> null);
  }

  /** {@link #POOL} distinct valid access tokens holding {@link #PERMISSION}. */
  static String[] tokens(ApoJwt jwt, List<String> permissions) {
    String[] tokens = new String[POOL];
    for (int i = 0; i < POOL; i++) {
      tokens[i] = token(jwt, permissions, i);
    }
    return tokens;
  }

  /** The {@code i}-th token of a pool. */
  static String token(ApoJwt jwt, List<String> permissions, int i) {
    return jwt.createToken("user-" + i, permissions, Map.of("tenant", "acme", "seat", i));
  }
}
