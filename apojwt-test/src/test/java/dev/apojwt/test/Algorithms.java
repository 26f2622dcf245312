package dev.apojwt.test;

import dev.apojwt.ApoJwt;
import java.security.KeyPair;
import java.util.List;

/** Every algorithm of the runtime, with keys of the service under test and keys of no service. */
final class Algorithms {
  static final List<String> ALL =
      List.of("HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384", "ES512");

  private static final KeyCache SERVICE = new KeyCache();

  private Algorithms() {}

  /** A builder of {@code algorithm} with the service's keys (and nothing else configured). */
  static ApoJwt.Builder service(String algorithm) {
    return keyed(ApoJwt.builder().algorithm(algorithm), algorithm, SERVICE);
  }

  /**
   * A builder of {@code algorithm} with the keys that {@code signedWithAnotherKey()} signs with.
   */
  static ApoJwt.Builder foreign(String algorithm) {
    return keyed(ApoJwt.builder().algorithm(algorithm), algorithm, ForeignKeys.KEYS);
  }

  private static ApoJwt.Builder keyed(ApoJwt.Builder builder, String algorithm, KeyCache keys) {
    if (algorithm.startsWith("HS")) {
      return builder.secret(keys.secret("hmac", 64));
    }
    KeyPair pair =
        algorithm.startsWith("RS") ? keys.rsa(2048) : keys.ec(KeyCache.curveOf(algorithm));
    return builder.signingKeys(pair);
  }
}
