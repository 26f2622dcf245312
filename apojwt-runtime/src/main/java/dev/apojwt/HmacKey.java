package dev.apojwt;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** An HMAC secret (HS256, HS384, HS512): signs and verifies with a per-thread {@link Mac}. */
final class HmacKey extends JwsKey {
  private final SecretKeySpec key;
  private final ThreadLocal<Mac> macs;

  private HmacKey(JwsAlgorithm algorithm, byte[] secret, String kid) {
    super(algorithm, kid);
    this.key = new SecretKeySpec(secret, algorithm.jcaName);
    this.macs = ThreadLocal.withInitial(this::newMac);
    newMac(); // fail at build(), not at the first request, if the JDK lacks the MAC
  }

  /**
   * The key of {@code algorithm} made of {@code secret}, which must be at least the hash size (RFC
   * 7518 section 3.2).
   *
   * @param what how the configuration calls the secret, for the message ("secret", "refresh
   *     secret")
   * @throws IllegalArgumentException when the secret is too short, saying how to make a good one
   */
  static HmacKey of(JwsAlgorithm algorithm, byte[] secret, String what) {
    return of(algorithm, secret, what, null);
  }

  /** The key of {@code algorithm} made of {@code secret}, named {@code kid} (or null). */
  static HmacKey of(JwsAlgorithm algorithm, byte[] secret, String what, String kid) {
    if (algorithm.family != JwsAlgorithm.Family.HMAC) {
      throw new IllegalArgumentException(algorithm + " is not an HMAC algorithm");
    }
    int minimum = algorithm.minSecretBytes();
    if (secret.length < minimum) {
      throw new IllegalArgumentException(
          "the "
              + algorithm
              + " "
              + what
              + " must be at least "
              + minimum
              + " bytes (RFC 7518 3.2); it has "
              + secret.length
              + ". Generate one with: openssl rand -base64 "
              + (minimum * 3 / 2));
    }
    return new HmacKey(algorithm, secret, kid);
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(algorithm.jcaName);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot compute " + algorithm.jcaName, e);
    }
  }

  /**
   * Whether {@code other} is the same HMAC key (RFC 2104) under this algorithm: a key longer than
   * the hash's block is hashed first, and a shorter one is padded with zero bytes, so {@code S} and
   * {@code S+0x00} (or a long key and its hash) sign identically although their bytes differ.
   */
  boolean isSameKeyAs(HmacKey other) {
    byte[] mine = blockKey(key.getEncoded());
    byte[] theirs = blockKey(other.key.getEncoded());
    try {
      return MessageDigest.isEqual(mine, theirs);
    } finally {
      Arrays.fill(mine, (byte) 0);
      Arrays.fill(theirs, (byte) 0);
    }
  }

  private byte[] blockKey(byte[] secret) {
    int block = algorithm.hmacBlockSize();
    byte[] k = secret;
    if (k.length > block) {
      try {
        k = MessageDigest.getInstance(algorithm.hashName).digest(k);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("this JDK cannot compute " + algorithm.hashName, e);
      }
      Arrays.fill(secret, (byte) 0);
    }
    byte[] padded = Arrays.copyOf(k, block);
    Arrays.fill(k, (byte) 0);
    return padded;
  }

  @Override
  boolean verify(byte[] data, int offset, int length, byte[] signature) {
    if (signature.length != algorithm.hashSize) {
      return false;
    }
    Mac mac = macs.get();
    mac.update(data, offset, length);
    return MessageDigest.isEqual(mac.doFinal(), signature); // constant time
  }

  @Override
  boolean canSign() {
    return true;
  }

  @Override
  byte[] sign(byte[] data, int offset, int length) {
    Mac mac = macs.get();
    mac.update(data, offset, length);
    return mac.doFinal();
  }

  @Override
  int signatureLength() {
    return algorithm.hashSize;
  }
}
