package dev.apojwt;

/** The JWS algorithms apojwt accepts (RFC 7518 section 3), with what each needs from a key. */
enum JwsAlgorithm {
  HS256(Family.HMAC, "HmacSHA256", 32),
  HS384(Family.HMAC, "HmacSHA384", 48),
  HS512(Family.HMAC, "HmacSHA512", 64),
  RS256(Family.RSA, "SHA256withRSA", 0),
  RS384(Family.RSA, "SHA384withRSA", 0),
  RS512(Family.RSA, "SHA512withRSA", 0),
  ES256(Family.EC, "SHA256withECDSAinP1363Format", 32),
  ES384(Family.EC, "SHA384withECDSAinP1363Format", 48),
  ES512(Family.EC, "SHA512withECDSAinP1363Format", 66);

  enum Family {
    HMAC,
    RSA,
    EC
  }

  final Family family;

  /** The JCA name of the MAC or signature algorithm. */
  final String jcaName;

  /**
   * HMAC: the hash size in bytes, which is both the MAC length and the minimum secret length (RFC
   * 7518 section 3.2). EC: the size of one signature coordinate (R or S) in bytes.
   */
  final int size;

  JwsAlgorithm(Family family, String jcaName, int size) {
    this.family = family;
    this.jcaName = jcaName;
    this.size = size;
  }

  /** The field size in bits of the curve ES256/384/512 requires (P-256, P-384, P-521). */
  int curveBits() {
    return this == ES512 ? 521 : size * 8;
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
}
