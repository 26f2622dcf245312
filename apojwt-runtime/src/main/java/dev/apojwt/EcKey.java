package dev.apojwt;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;

/** An EC key for ES256/384/512 (ECDSA on P-256/384/521, RFC 7518 section 3.4). */
final class EcKey extends AsymmetricKey {
  private final BigInteger order;
  private final int signatureLength;

  private EcKey(JwsAlgorithm algorithm, ECPublicKey publicKey, PrivateKey privateKey, String kid) {
    super(algorithm, publicKey, privateKey, kid);
    this.order = publicKey.getParams().getOrder();
    this.signatureLength = 2 * algorithm.curve.coordinateSize;
  }

  /**
   * @throws IllegalArgumentException when a half is not an EC key, or the key is not on the curve
   *     the algorithm names
   */
  static EcKey of(JwsAlgorithm algorithm, PublicKey publicKey, PrivateKey privateKey, String kid) {
    if (!(publicKey instanceof ECPublicKey)
        || (privateKey != null && !(privateKey instanceof ECPrivateKey))) {
      throw new IllegalArgumentException(algorithm + " needs an EC key");
    }
    ECPublicKey ec = (ECPublicKey) publicKey;
    if (!isOn(algorithm.curve, ec)) {
      throw new IllegalArgumentException(
          algorithm + " needs a key on curve " + algorithm.curve.jwkName + " (RFC 7518 3.4)");
    }
    return new EcKey(algorithm, ec, privateKey, kid);
  }

  /** The curve of {@code key} among ES256/384/512's, or null. */
  static JwsAlgorithm.Curve curveOf(ECPublicKey key) {
    for (JwsAlgorithm.Curve curve : JwsAlgorithm.Curve.values()) {
      if (isOn(curve, key)) {
        return curve;
      }
    }
    return null;
  }

  private static boolean isOn(JwsAlgorithm.Curve curve, ECPublicKey key) {
    ECParameterSpec expected = curve.parameters();
    ECParameterSpec actual = key.getParams();
    return actual.getOrder().equals(expected.getOrder())
        && actual.getCurve().equals(expected.getCurve())
        && actual.getGenerator().equals(expected.getGenerator());
  }

  /**
   * {@code R || S}, each coordinate of the curve's size, and each in [1, n-1]: CVE-2022-21449 was
   * an all-zero signature that the JDK accepted.
   */
  @Override
  boolean wellShaped(byte[] signature) {
    if (signature.length != signatureLength) {
      return false;
    }
    int half = signatureLength / 2;
    BigInteger r = new BigInteger(1, signature, 0, half);
    BigInteger s = new BigInteger(1, signature, half, half);
    return r.signum() > 0 && s.signum() > 0 && r.compareTo(order) < 0 && s.compareTo(order) < 0;
  }

  @Override
  int signatureLength() {
    return signatureLength;
  }
}
