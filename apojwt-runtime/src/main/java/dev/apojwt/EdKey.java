package dev.apojwt;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECKey;
import java.security.spec.NamedParameterSpec;

/** An Ed25519 key for EdDSA (RFC 8037), with the JDK's own provider. */
final class EdKey extends AsymmetricKey {
  /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), before the 32 key bytes. */
  private static final byte[] SPKI_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  /** The length of an Ed25519 public key (RFC 8032 section 5.1.5). */
  static final int PUBLIC_KEY_BYTES = 32;

  private EdKey(JwsAlgorithm algorithm, PublicKey publicKey, PrivateKey privateKey, String kid) {
    super(algorithm, publicKey, privateKey, kid);
  }

  /**
   * @throws IllegalArgumentException when a half is not an Ed25519 key (Ed448 included: RFC 8037
   *     allows it, apojwt does not)
   */
  static EdKey of(JwsAlgorithm algorithm, PublicKey publicKey, PrivateKey privateKey, String kid) {
    if (!isEd25519(publicKey) || (privateKey != null && !isEd25519(privateKey))) {
      throw new IllegalArgumentException(algorithm + " needs an Ed25519 key");
    }
    return new EdKey(algorithm, publicKey, privateKey, kid);
  }

  private static boolean isEd25519(java.security.Key key) {
    if (!(key instanceof EdECKey)) {
      return false;
    }
    return ((EdECKey) key)
        .getParams()
        .getName()
        .equalsIgnoreCase(NamedParameterSpec.ED25519.getName());
  }

  /** The key's 32 bytes as RFC 8037 writes them in a JWK's {@code x}. */
  static byte[] rawPublicKey(PublicKey key) {
    byte[] encoded = key.getEncoded();
    byte[] raw = new byte[PUBLIC_KEY_BYTES];
    System.arraycopy(encoded, encoded.length - PUBLIC_KEY_BYTES, raw, 0, PUBLIC_KEY_BYTES);
    return raw;
  }

  /** A SubjectPublicKeyInfo for the raw key {@code x} of a JWK, for the JDK's key factory. */
  static byte[] subjectPublicKeyInfo(byte[] x) {
    byte[] spki = new byte[SPKI_PREFIX.length + x.length];
    System.arraycopy(SPKI_PREFIX, 0, spki, 0, SPKI_PREFIX.length);
    System.arraycopy(x, 0, spki, SPKI_PREFIX.length, x.length);
    return spki;
  }

  @Override
  boolean wellShaped(byte[] signature) {
    return signature.length == JwsAlgorithm.ED25519_SIGNATURE_BYTES;
  }

  @Override
  int signatureLength() {
    return JwsAlgorithm.ED25519_SIGNATURE_BYTES;
  }
}
