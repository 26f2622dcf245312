package dev.apojwt.test;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The kind of key a JWS algorithm signs with, read from its name as RFC 7518 and RFC 8037 give them
 * ({@code HS256}, {@code RS384}, {@code PS512}, {@code ES256}, {@code EdDSA}): the kit makes keys
 * and signatures by family, so an algorithm that the runtime adds to a family needs nothing new
 * here.
 */
enum KeyFamily {
  HMAC,
  RSA,
  RSA_PSS,
  EC,
  EDDSA;

  /**
   * The family of {@code algorithm}, in any case (as a configuration may name it), or null for a
   * name that is of none.
   */
  static KeyFamily of(String algorithm) {
    String name = algorithm.toUpperCase(Locale.ROOT);
    if (name.equals("EDDSA")) {
      return EDDSA;
    }
    if (!name.matches("[A-Z]{2}(256|384|512)")) {
      return null;
    }
    switch (name.substring(0, 2)) {
      case "HS":
        return HMAC;
      case "RS":
        return RSA;
      case "PS":
        return RSA_PSS;
      case "ES":
        return EC;
      default:
        return null;
    }
  }

  /** The SHA-2 size of an {@code XX256/384/512} algorithm. */
  static int hashBits(String algorithm) {
    return Integer.parseInt(algorithm.substring(2));
  }

  /**
   * The EC curve of an ES* algorithm (RFC 7518 section 3.4: ES512 is on P-521), by the JDK's name.
   */
  static String curveOf(String algorithm) {
    int bits = hashBits(algorithm);
    return bits == 512 ? "secp521r1" : "secp" + bits + "r1";
  }

  /** The Edwards curve whose EdDSA signatures have {@code signatureBytes} bytes (RFC 8032). */
  static String edwardsCurveOf(int signatureBytes) {
    return signatureBytes == 114 ? "Ed448" : "Ed25519";
  }

  /**
   * {@code data} signed as {@code algorithm} of this family does, with {@code key}: a secret (as
   * bytes in a {@link SecretKeySpec}) for HMAC, else a private key.
   */
  byte[] sign(String algorithm, Key key, byte[] data) throws GeneralSecurityException {
    if (this == HMAC) {
      Mac mac = Mac.getInstance("HmacSHA" + hashBits(algorithm));
      mac.init(key);
      return mac.doFinal(data);
    }
    Signature signature;
    switch (this) {
      case RSA:
        signature = Signature.getInstance("SHA" + hashBits(algorithm) + "withRSA");
        break;
      case RSA_PSS:
        // RFC 7518 section 3.5: MGF1 with the same hash, a salt as long as the hash.
        int bits = hashBits(algorithm);
        signature = Signature.getInstance("RSASSA-PSS");
        signature.setParameter(
            new PSSParameterSpec(
                "SHA-" + bits, "MGF1", new MGF1ParameterSpec("SHA-" + bits), bits / 8, 1));
        break;
      case EC:
        // JWS's R || S (RFC 7518 section 3.4) is the JDK's P1363 format.
        signature = Signature.getInstance("SHA" + hashBits(algorithm) + "withECDSAinP1363Format");
        break;
      default:
        signature = Signature.getInstance("EdDSA");
    }
    signature.initSign((PrivateKey) key);
    signature.update(data);
    return signature.sign();
  }
}
