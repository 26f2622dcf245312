package dev.apojwt;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

/** An RSA key for RS256/384/512 (RSASSA-PKCS1-v1_5, RFC 7518 section 3.3). */
final class RsaKey extends AsymmetricKey {
  private final int signatureLength;

  private RsaKey(
      JwsAlgorithm algorithm, RSAPublicKey publicKey, PrivateKey privateKey, String kid) {
    super(algorithm, publicKey, privateKey, kid);
    this.signatureLength = (publicKey.getModulus().bitLength() + 7) / 8;
  }

  /**
   * @throws IllegalArgumentException when a half is not an RSA key, the modulus is under 2048 bits,
   *     or the public exponent is not an odd number of at least 3 (with an exponent of 1, every
   *     padded hash is its own signature)
   */
  static RsaKey of(JwsAlgorithm algorithm, PublicKey publicKey, PrivateKey privateKey, String kid) {
    if (!(publicKey instanceof RSAPublicKey)
        || (privateKey != null && !(privateKey instanceof RSAPrivateKey))) {
      throw new IllegalArgumentException(algorithm + " needs an RSA key");
    }
    RSAPublicKey rsa = (RSAPublicKey) publicKey;
    int bits = rsa.getModulus().bitLength();
    if (bits < JwsAlgorithm.RSA_MIN_BITS) {
      throw new IllegalArgumentException(
          algorithm
              + " needs an RSA key of at least "
              + JwsAlgorithm.RSA_MIN_BITS
              + " bits (RFC 7518 3.3); this one has "
              + bits);
    }
    BigInteger e = rsa.getPublicExponent();
    if (e.compareTo(BigInteger.valueOf(3)) < 0 || !e.testBit(0)) {
      throw new IllegalArgumentException(
          algorithm + " needs an RSA key with an odd public exponent of at least 3");
    }
    return new RsaKey(algorithm, rsa, privateKey, kid);
  }

  /** An RSA signature is exactly as long as the modulus. */
  @Override
  boolean wellShaped(byte[] signature) {
    return signature.length == signatureLength;
  }

  @Override
  int signatureLength() {
    return signatureLength;
  }
}
