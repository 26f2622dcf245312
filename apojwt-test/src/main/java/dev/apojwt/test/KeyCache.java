package dev.apojwt.test;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Throwaway keys, each made once per JVM and cache: key generation (RSA's above all) costs more
 * than the tests that use the keys. Two caches never share a key.
 */
final class KeyCache {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, Object> keys = new ConcurrentHashMap<>();

  /** A random secret of {@code length} bytes, the same for the same name. */
  byte[] secret(String name, int length) {
    return ((byte[]) keys.computeIfAbsent("secret-" + name + "-" + length, k -> random(length)))
        .clone();
  }

  /**
   * The key pair that signs {@code algorithm}'s tokens, by its {@link KeyFamily}: RSA keys of 2048
   * bits (or of the size of {@code signatureBytes}-byte signatures), the ES* algorithm's curve, or
   * Ed25519 (Ed448 for 114-byte signatures).
   *
   * @param signatureBytes the size of the signature to match, or 0 for the default key
   * @return null for HMAC algorithms, which sign with a secret, and for names of no family
   */
  KeyPair pairFor(String algorithm, int signatureBytes) {
    KeyFamily family = KeyFamily.of(algorithm);
    if (family == null) {
      return null;
    }
    switch (family) {
      case RSA:
      case RSA_PSS:
        return rsa(signatureBytes == 0 ? 2048 : signatureBytes * 8);
      case EC:
        return ec(KeyFamily.curveOf(algorithm));
      case EDDSA:
        String curve = KeyFamily.edwardsCurveOf(signatureBytes);
        return (KeyPair) keys.computeIfAbsent(curve, k -> generate(curve, g -> {}));
      default:
        return null;
    }
  }

  /** An RSA key pair of {@code bits} bits. */
  KeyPair rsa(int bits) {
    return (KeyPair)
        keys.computeIfAbsent("RSA-" + bits, k -> generate("RSA", g -> g.initialize(bits)));
  }

  /**
   * An EC key pair on the named curve ({@code secp256r1}, {@code secp384r1}, {@code secp521r1}).
   */
  KeyPair ec(String curve) {
    return (KeyPair)
        keys.computeIfAbsent(
            "EC-" + curve, k -> generate("EC", g -> g.initialize(new ECGenParameterSpec(curve))));
  }

  /** How a key pair generator is initialised. */
  private interface Init {
    void apply(KeyPairGenerator generator) throws GeneralSecurityException;
  }

  private static KeyPair generate(String algorithm, Init init) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      init.apply(generator);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot make " + algorithm + " keys", e);
    }
  }

  private static byte[] random(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
