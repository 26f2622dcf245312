package dev.apojwt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A public key, with its private key when this service signs (RS*, ES*, EdDSA): verifies and signs
 * with a per-thread {@link Signature} each. The subclasses check that the key suits the algorithm
 * and what a signature of theirs must look like.
 */
abstract class AsymmetricKey extends JwsKey {
  private static final byte[] PROBE = "apojwt key check".getBytes(StandardCharsets.US_ASCII);

  final PublicKey publicKey;
  private final PrivateKey privateKey;
  private final ThreadLocal<Signature> verifiers;
  private final ThreadLocal<Signature> signers;

  AsymmetricKey(JwsAlgorithm algorithm, PublicKey publicKey, PrivateKey privateKey, String kid) {
    super(algorithm, kid);
    this.publicKey = publicKey;
    this.privateKey = privateKey;
    this.verifiers = ThreadLocal.withInitial(this::newVerifier);
    this.signers = privateKey == null ? null : ThreadLocal.withInitial(this::newSigner);
  }

  static AsymmetricKey of(JwsAlgorithm algorithm, PublicKey publicKey, PrivateKey privateKey) {
    return of(algorithm, publicKey, privateKey, null);
  }

  /**
   * The key of {@code algorithm} (RS*, ES* or EdDSA) for {@code publicKey} and, when this service
   * signs, {@code privateKey} (else null), named {@code kid} (or null).
   *
   * @throws IllegalArgumentException when the key does not suit the algorithm, or its halves do not
   *     match, saying what is wrong
   */
  static AsymmetricKey of(
      JwsAlgorithm algorithm, PublicKey publicKey, PrivateKey privateKey, String kid) {
    AsymmetricKey key;
    switch (algorithm.family) {
      case RSA:
        key = RsaKey.of(algorithm, publicKey, privateKey, kid);
        break;
      case EC:
        key = EcKey.of(algorithm, publicKey, privateKey, kid);
        break;
      case OKP:
        key = EdKey.of(algorithm, publicKey, privateKey, kid);
        break;
      default:
        throw new IllegalArgumentException(algorithm + " is not an asymmetric algorithm");
    }
    if (privateKey != null) {
      key.checkPairMatches();
    }
    key.verifiers.get(); // fail at build(), not at the first request, if the JDK refuses the key
    return key;
  }

  /** The private key must be the other half of the public key: a probe it signs must verify. */
  private void checkPairMatches() {
    byte[] signature;
    try {
      Signature signer = signers.get();
      signer.update(PROBE);
      signature = signer.sign();
    } catch (SignatureException | RuntimeException e) {
      signers.remove();
      throw new IllegalArgumentException("the key pair cannot be used with " + algorithm, e);
    }
    if (!verify(PROBE, 0, PROBE.length, signature)) {
      throw new IllegalArgumentException("the private key does not match the public key");
    }
  }

  private Signature newVerifier() {
    try {
      Signature signature = Signature.getInstance(algorithm.jcaName);
      signature.initVerify(publicKey);
      return signature;
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException(
          "the key cannot verify " + algorithm + ": " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot verify " + algorithm, e);
    }
  }

  private Signature newSigner() {
    try {
      Signature signature = Signature.getInstance(algorithm.jcaName);
      signature.initSign(privateKey);
      return signature;
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("the key pair cannot be used with " + algorithm, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot sign with " + algorithm, e);
    }
  }

  /**
   * Whether {@code signature} has the shape this family's signatures have (length, ranges), checked
   * before the JDK sees it.
   */
  abstract boolean wellShaped(byte[] signature);

  /**
   * Whether {@code other} is the same public key for the same algorithm and {@code kid}: a key set
   * fetched again keeps the key it already had (and its warmed-up per-thread verifiers).
   */
  final boolean sameAs(String otherKid, JwsAlgorithm otherAlgorithm, PublicKey other) {
    return algorithm == otherAlgorithm
        && Objects.equals(kid, otherKid)
        && Arrays.equals(publicKey.getEncoded(), other.getEncoded());
  }

  @Override
  final boolean verify(byte[] data, int offset, int length, byte[] signature) {
    if (!wellShaped(signature)) {
      return false;
    }
    Signature verifier = verifiers.get();
    try {
      verifier.update(data, offset, length);
      return verifier.verify(signature);
    } catch (SignatureException e) {
      verifiers.remove(); // its state is unknown after a failure: start afresh next time
      return false;
    }
  }

  @Override
  final boolean canSign() {
    return signers != null;
  }

  @Override
  final byte[] sign(byte[] data, int offset, int length) {
    if (signers == null) {
      throw new IllegalStateException(algorithm + " key without its private half cannot sign");
    }
    Signature signer = signers.get();
    try {
      signer.update(data, offset, length);
      return signer.sign();
    } catch (SignatureException e) {
      signers.remove(); // its state is unknown after a failure: start afresh next time
      throw new IllegalStateException("signing with " + algorithm + " failed", e);
    }
  }
}
