package dev.apojwt;

/**
 * The key of one algorithm, which signs and verifies JWS signatures (RFC 7515) itself. Each family
 * ({@link HmacKey}, {@link RsaKey}, {@link EcKey}) checks at construction that the key meets its
 * algorithm's demands, and then works without further checks or allocation beyond the crypto
 * itself: each thread reuses an initialised {@code Mac} or {@code Signature}, for signing as for
 * verifying.
 */
abstract class JwsKey {
  final JwsAlgorithm algorithm;

  JwsKey(JwsAlgorithm algorithm) {
    this.algorithm = algorithm;
  }

  /**
   * Whether {@code signature} is this key's valid signature of {@code data[offset, offset +
   * length)}. Never throws.
   */
  abstract boolean verify(byte[] data, int offset, int length, byte[] signature);

  /** Whether this key holds the secret or private half, and so can {@link #sign}. */
  abstract boolean canSign();

  /**
   * The JWS signature of {@code data[offset, offset + length)}: the MAC, the RSA signature, or
   * ECDSA's {@code R || S}.
   *
   * @throws IllegalStateException when this key can only verify, or the JDK fails to sign
   */
  abstract byte[] sign(byte[] data, int offset, int length);

  /** The length in bytes of every signature this key makes or accepts. */
  abstract int signatureLength();
}
