package dev.apojwt;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;

/**
 * The JWS algorithms apojwt accepts (RFC 7518 section 3, and EdDSA of RFC 8037), each with its
 * facts: the JCA name, the hash, and what it demands of a key (minimum secret size, curve, RSA
 * size). The keys of each family ({@link HmacKey}, {@link RsaKey}, {@link EcKey}, {@link EdKey})
 * check themselves against these facts.
 */
enum JwsAlgorithm {
  HS256(Family.HMAC, "HmacSHA256", "SHA-256", 32, null),
  HS384(Family.HMAC, "HmacSHA384", "SHA-384", 48, null),
  HS512(Family.HMAC, "HmacSHA512", "SHA-512", 64, null),
  RS256(Family.RSA, "SHA256withRSA", "SHA-256", 32, null),
  RS384(Family.RSA, "SHA384withRSA", "SHA-384", 48, null),
  RS512(Family.RSA, "SHA512withRSA", "SHA-512", 64, null),
  // The JDK's P1363 format is JWS's R || S (RFC 7518 3.4), with no DER in between.
  ES256(Family.EC, "SHA256withECDSAinP1363Format", "SHA-256", 32, Curve.P_256),
  ES384(Family.EC, "SHA384withECDSAinP1363Format", "SHA-384", 48, Curve.P_384),
  ES512(Family.EC, "SHA512withECDSAinP1363Format", "SHA-512", 64, Curve.P_521),
  // RFC 8037: Ed25519 only (the JDK's own provider); the hash is part of the scheme.
  EdDSA(Family.OKP, "Ed25519", null, 0, null);

  enum Family {
    HMAC,
    RSA,
    EC,
    /** Octet key pairs (RFC 8037): Ed25519. */
    OKP;

    /** Whether keys of this family are public keys (every family but HMAC). */
    boolean asymmetric() {
      return this != HMAC;
    }
  }

  /** RFC 7518 section 3.3: RSA keys of 2048 bits or larger MUST be used. */
  static final int RSA_MIN_BITS = 2048;

  /** The curves of ES256/384/512 (RFC 7518 section 3.4), by their JWK {@code crv} names. */
  enum Curve {
    P_256("P-256", "secp256r1", 32),
    P_384("P-384", "secp384r1", 48),
    P_521("P-521", "secp521r1", 66);

    /** The name RFC 7518 (and a JWK's {@code crv}) gives the curve. */
    final String jwkName;

    /** The name the JDK knows it by. */
    final String stdName;

    /** The size in bytes of one signature coordinate (R or S), and of a field element. */
    final int coordinateSize;

    Curve(String jwkName, String stdName, int coordinateSize) {
      this.jwkName = jwkName;
      this.stdName = stdName;
      this.coordinateSize = coordinateSize;
    }

    private volatile ECParameterSpec parameters;

    /** The curve's domain parameters, as the JDK defines them. */
    ECParameterSpec parameters() {
      ECParameterSpec p = parameters;
      if (p == null) {
        try {
          AlgorithmParameters a = AlgorithmParameters.getInstance("EC");
          a.init(new ECGenParameterSpec(stdName));
          p = a.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException("this JDK does not know curve " + stdName, e);
        }
        parameters = p;
      }
      return p;
    }

    /** The curve named {@code crv} in a JWK, or null. */
    static Curve named(String crv) {
      for (Curve curve : values()) {
        if (curve.jwkName.equals(crv)) {
          return curve;
        }
      }
      return null;
    }
  }

  /** Ed25519's signature length (RFC 8032 section 5.1.6). */
  static final int ED25519_SIGNATURE_BYTES = 64;

  final Family family;

  /** The JCA name of the MAC or signature algorithm. */
  final String jcaName;

  /** The JCA name of the hash (for HMAC keys longer than a block, which HMAC hashes first). */
  final String hashName;

  /**
   * The hash size in bytes. For HMAC it is both the MAC length and the minimum secret length (RFC
   * 7518 section 3.2).
   */
  final int hashSize;

  /** EC: the curve the key must lie on; null for the other families. */
  final Curve curve;

  JwsAlgorithm(Family family, String jcaName, String hashName, int hashSize, Curve curve) {
    this.family = family;
    this.jcaName = jcaName;
    this.hashName = hashName;
    this.hashSize = hashSize;
    this.curve = curve;
  }

  /** HMAC: the shortest secret RFC 7518 section 3.2 allows, the hash size. */
  int minSecretBytes() {
    return hashSize;
  }

  /** HMAC (RFC 2104): the hash's block size, which keys are padded to (or hashed below). */
  int hmacBlockSize() {
    return hashSize == 32 ? 64 : 128;
  }

  /** The algorithm named exactly {@code name} (case-sensitive, as in the JWS header), or null. */
  static JwsAlgorithm named(String name) {
    for (JwsAlgorithm algorithm : values()) {
      if (algorithm.name().equals(name)) {
        return algorithm;
      }
    }
    return null;
  }

  /**
   * The algorithm a configuration names, in any case ({@code "rs256"}, {@code "EDDSA"}), or null.
   */
  static JwsAlgorithm configured(String name) {
    for (JwsAlgorithm algorithm : values()) {
      if (algorithm.name().equalsIgnoreCase(name)) {
        return algorithm;
      }
    }
    return null;
  }
}
