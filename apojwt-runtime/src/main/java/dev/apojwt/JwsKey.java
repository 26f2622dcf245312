package dev.apojwt;

import com.auth0.jwt.algorithms.Algorithm;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key of one pinned algorithm: verifies signatures (per call work is only the crypto itself:
 * each thread reuses an initialised {@link Mac} or {@link Signature}) and, when it holds the
 * private or secret half, signs through java-jwt's {@link Algorithm}.
 */
abstract class JwsKey {
  final JwsAlgorithm algorithm;

  private JwsKey(JwsAlgorithm algorithm) {
    this.algorithm = algorithm;
  }

  /** Whether {@code signature} is valid for {@code data[offset, offset + length)}. Never throws. */
  abstract boolean verify(byte[] data, int offset, int length, byte[] signature);

  /** java-jwt's signer for this key, or null when this key can only verify. */
  abstract Algorithm signer();

  static JwsKey hmac(JwsAlgorithm algorithm, byte[] secret) {
    return new Hmac(algorithm, secret);
  }

  static JwsKey asymmetric(JwsAlgorithm algorithm, PublicKey publicKey, PrivateKey privateKey) {
    return new Asymmetric(algorithm, publicKey, privateKey);
  }

  private static final class Hmac extends JwsKey {
    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;
    private final Algorithm signer;

    Hmac(JwsAlgorithm algorithm, byte[] secret) {
      super(algorithm);
      this.key = new SecretKeySpec(secret, algorithm.jcaName);
      this.macs = ThreadLocal.withInitial(this::newMac);
      newMac(); // fail at build(), not at the first request, if the JDK lacks the MAC
      switch (algorithm) {
        case HS256:
          this.signer = Algorithm.HMAC256(secret);
          break;
        case HS384:
          this.signer = Algorithm.HMAC384(secret);
          break;
        case HS512:
          this.signer = Algorithm.HMAC512(secret);
          break;
        default:
          throw new IllegalArgumentException(algorithm + " is not an HMAC algorithm");
      }
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

    @Override
    boolean verify(byte[] data, int offset, int length, byte[] signature) {
      if (signature.length != algorithm.size) {
        return false;
      }
      Mac mac = macs.get();
      mac.update(data, offset, length);
      return MessageDigest.isEqual(mac.doFinal(), signature); // constant time
    }

    @Override
    Algorithm signer() {
      return signer;
    }
  }

  private static final class Asymmetric extends JwsKey {
    private final PublicKey publicKey;
    private final int signatureLength;
    private final ThreadLocal<Signature> verifiers;
    private final Algorithm signer;

    Asymmetric(JwsAlgorithm algorithm, PublicKey publicKey, PrivateKey privateKey) {
      super(algorithm);
      this.publicKey = publicKey;
      this.signatureLength =
          algorithm.family == JwsAlgorithm.Family.RSA
              ? (((RSAPublicKey) publicKey).getModulus().bitLength() + 7) / 8
              : 2 * algorithm.size;
      this.verifiers = ThreadLocal.withInitial(this::newVerifier);
      newVerifier();
      this.signer = privateKey == null ? null : signer(algorithm, publicKey, privateKey);
    }

    private static Algorithm signer(JwsAlgorithm algorithm, PublicKey pub, PrivateKey priv) {
      switch (algorithm) {
        case RS256:
          return Algorithm.RSA256((RSAPublicKey) pub, (RSAPrivateKey) priv);
        case RS384:
          return Algorithm.RSA384((RSAPublicKey) pub, (RSAPrivateKey) priv);
        case RS512:
          return Algorithm.RSA512((RSAPublicKey) pub, (RSAPrivateKey) priv);
        case ES256:
          return Algorithm.ECDSA256((ECPublicKey) pub, (ECPrivateKey) priv);
        case ES384:
          return Algorithm.ECDSA384((ECPublicKey) pub, (ECPrivateKey) priv);
        case ES512:
          return Algorithm.ECDSA512((ECPublicKey) pub, (ECPrivateKey) priv);
        default:
          throw new IllegalArgumentException(algorithm + " is not an asymmetric algorithm");
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

    @Override
    boolean verify(byte[] data, int offset, int length, byte[] signature) {
      if (signature.length != signatureLength) {
        return false;
      }
      if (algorithm.family == JwsAlgorithm.Family.EC && !validCoordinates(signature)) {
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

    /** R and S must each lie in [1, n-1] (CVE-2022-21449 was an all-zero signature). */
    private boolean validCoordinates(byte[] signature) {
      int half = signature.length / 2;
      BigInteger order = ((ECPublicKey) publicKey).getParams().getOrder();
      BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, half));
      BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, half, signature.length));
      return r.signum() > 0 && s.signum() > 0 && r.compareTo(order) < 0 && s.compareTo(order) < 0;
    }

    @Override
    Algorithm signer() {
      return signer;
    }
  }
}
