package dev.apojwt;

/**
 * The key of one algorithm, which signs and verifies JWS signatures (RFC 7515) itself. Each family
 * ({@link HmacKey}, {@link RsaKey}, {@link EcKey}, {@link EdKey}) checks at construction that the
 * key meets its algorithm's demands, and then works without further checks or allocation beyond the
 * crypto itself: each thread reuses an initialised {@code Mac} or {@code Signature}, for signing as
 * for verifying.
 */
abstract class JwsKey {
  final JwsAlgorithm algorithm;

  /** The key id ({@code kid}) that names this key among others, or null for the key without one. */
  final String kid;

  JwsKey(JwsAlgorithm algorithm, String kid) {
    this.algorithm = algorithm;
    this.kid = kid;
  }

  /** How the configuration and logs name this key: {@code "ES256 key '2026-12'"}. */
  final String describe() {
    return algorithm + (kid == null ? " key without kid" : " key '" + kid + "'");
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
