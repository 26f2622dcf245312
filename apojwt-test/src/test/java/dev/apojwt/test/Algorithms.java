package dev.apojwt.test;

import dev.apojwt.ApoJwt;
import java.util.ArrayList;
import java.util.List;

/** Every algorithm of the runtime, with keys of the service under test and keys of no service. */
final class Algorithms {
  /**
   * The runtime's algorithms as it lists them (its package-private {@code JwsAlgorithm}, read by
   * reflection, which tests may do): one that the runtime adds is tested here without an edit.
   */
  static final List<String> ALL = runtimeAlgorithms();

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
    if (KeyFamily.of(algorithm) == KeyFamily.HMAC) {
      return builder.secret(keys.secret("hmac", 64));
    }
    return builder.signingKeys(keys.pairFor(algorithm, 0));
  }

  private static List<String> runtimeAlgorithms() {
    try {
      List<String> names = new ArrayList<>();
      for (Object algorithm : Class.forName("dev.apojwt.JwsAlgorithm").getEnumConstants()) {
        names.add(((Enum<?>) algorithm).name());
      }
      return List.copyOf(names);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("the runtime's JwsAlgorithm has moved: update this test", e);
    }
  }
}
