package dev.apojwt;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

/** An RSA key for RS256/384/512 (RSASSA-PKCS1-v1_5, RFC 7518 section 3.3). */
final class RsaKey extends AsymmetricKey {
  private final int signatureLength;

  private RsaKey(JwsAlgorithm algorithm, RSAPublicKey publicKey, PrivateKey privateKey) {
    super(algorithm, publicKey, privateKey);
    this.signatureLength = (publicKey.getModulus().bitLength() + 7) / 8;
  }

  /**
   * @throws IllegalArgumentException when a half is not an RSA key, or the modulus is under 2048
   *     bits
   */
  static RsaKey of(JwsAlgorithm algorithm, PublicKey publicKey, PrivateKey privateKey) {
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
    return new RsaKey(algorithm, rsa, privateKey);
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
