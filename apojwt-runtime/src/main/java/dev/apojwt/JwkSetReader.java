package dev.apojwt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EllipticCurve;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a fetched JWK Set (RFC 7517) with the runtime's strict JSON, into the keys it may verify
 * with. A JWK is used only as it says: for its own {@code kty}, only for signatures ({@code use},
 * {@code key_ops}), and only for its own {@code alg} when it has one (else for the allowed
 * algorithms of its type: an EC key for its curve's, an RSA key for the RS* ones). Refused, each
 * with a reason for the log, and never used:
 *
 * <ul>
 *   <li>a key with private parts ({@code d}, {@code p}, {@code q}, {@code dp}, {@code dq}, {@code
 *       qi}, {@code oth}) or a symmetric one ({@code kty: "oct"}, {@code k}): a key whose secret is
 *       published is no key, but the rest of the set stays usable;
 *   <li>{@code alg: "none"}, an algorithm apojwt does not implement, an {@code alg} that does not
 *       go with the {@code kty} or curve;
 *   <li>RSA keys under 2048 bits or with a bad exponent, unknown curves (also X25519, Ed448), EC
 *       points that are not on their curve, coordinates of the wrong length;
 *   <li>a {@code kid} that is not a valid key id; two keys of one {@code kid} and algorithm (or,
 *       for tokens without kid, two keys without one): both, since which is meant cannot be known.
 * </ul>
 *
 * The set as a whole is refused only when it is not a JSON object with a {@code keys} array of
 * objects.
 */
final class JwkSetReader {
  /** The set's keys, and why each refused key was refused. */
  static final class Result {
    final KeySet keys;
    final List<String> refused;

    Result(KeySet keys, List<String> refused) {
      this.keys = keys;
      this.refused = refused;
    }
  }

  private static final List<String> PRIVATE_PARTS = List.of("d", "p", "q", "dp", "dq", "qi", "oth");

  private final Set<JwsAlgorithm> allowed;
  private final KeySet previous;
  private final List<String> refused = new ArrayList<>();

  private JwkSetReader(Set<JwsAlgorithm> allowed, KeySet previous) {
    this.allowed = allowed;
    this.previous = previous;
  }

  /**
   * The usable keys of {@code json}, reusing those of {@code previous} that did not change.
   *
   * @throws IllegalArgumentException when the set as a whole is not a JWK Set, with a reason for
   *     the log
   */
  static Result read(byte[] json, Set<JwsAlgorithm> allowed, KeySet previous) {
    JwkSetReader reader = new JwkSetReader(allowed, previous);
    List<Map<String, Object>> jwks;
    try {
      jwks = objects(json);
    } catch (ApoJwtException e) {
      throw new IllegalArgumentException("not a JWK Set: " + e.failure().detail());
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a JWK Set: invalid JSON");
    }
    List<JwsKey> keys = new ArrayList<>();
    for (int i = 0; i < jwks.size(); i++) {
      keys.addAll(reader.keysOf(jwks.get(i), i));
    }
    return new Result(new KeySet(reader.unambiguous(keys)), List.copyOf(reader.refused));
  }

  /** The members of {@code keys}, each a JSON object. */
  private static List<Map<String, Object>> objects(byte[] json) throws IOException {
    List<Map<String, Object>> jwks = null;
    Set<String> others = null;
    try (JsonParser parser = StrictJson.openObject(json, "JWK Set")) {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        if (name.equals("keys")) {
          if (jwks != null) {
            throw StrictJson.duplicate();
          }
          jwks = keysArray(parser);
        } else {
          others = StrictJson.addName(others, name);
          StrictJson.skipValue(parser);
        }
      }
      StrictJson.expectEnd(parser, "JWK Set");
    }
    if (jwks == null) {
      throw Failures.malformed("JWK Set has no 'keys' member");
    }
    return jwks;
  }

  private static List<Map<String, Object>> keysArray(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw Failures.malformed("JWK Set member 'keys' is not an array");
    }
    List<Map<String, Object>> jwks = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        throw Failures.malformed("JWK Set member 'keys' holds something other than objects");
      }
      jwks.add(StrictJson.object(parser, "key"));
    }
    return jwks;
  }

  /** The keys one JWK makes (one per algorithm it serves), or none with the reason noted. */
  private List<JwsKey> keysOf(Map<String, Object> jwk, int index) {
    String name = "key #" + (index + 1);
    try {
      Object kidValue = jwk.get("kid");
      String kid = null;
      if (kidValue != null) {
        if (!(kidValue instanceof String) || !KeyIds.valid((String) kidValue)) {
          throw new Refused("its 'kid' is not a valid key id");
        }
        kid = (String) kidValue;
        name += " ('" + kid + "')";
      }
      return build(jwk, kid);
    } catch (Refused r) {
      refused.add(name + ": " + r.getMessage());
      return List.of();
    } catch (Skipped s) {
      return List.of();
    }
  }

  private List<JwsKey> build(Map<String, Object> jwk, String kid) {
    String kty = string(jwk, "kty", true);
    if (jwk.containsKey("k") || "oct".equals(kty)) {
      throw new Refused("it is a symmetric key, whose secret a JWK Set must never publish");
    }
    for (String part : PRIVATE_PARTS) {
      if (jwk.containsKey(part)) {
        throw new Refused("it has private key parts ('" + part + "'): its private key is public");
      }
    }
    String use = string(jwk, "use", false);
    if (use != null && !use.equals("sig")) {
      throw new Skipped(); // an encryption key
    }
    Object ops = jwk.get("key_ops");
    if (ops != null) {
      if (!(ops instanceof List)) {
        throw new Refused("its 'key_ops' is not an array");
      }
      if (!((List<?>) ops).contains("verify")) {
        throw new Skipped();
      }
    }
    JwsAlgorithm.Family family = family(kty);
    String alg = string(jwk, "alg", false);
    JwsAlgorithm own = null;
    if (alg != null) {
      if (alg.equals("none")) {
        throw new Refused("its 'alg' is none");
      }
      own = JwsAlgorithm.named(alg);
      if (own == null) {
        throw new Skipped(); // not a signature algorithm apojwt implements (RSA-OAEP, PS256, ...)
      }
      if (own.family != family) {
        throw new Refused("its 'alg' " + alg + " does not go with its 'kty' " + kty);
      }
    }
    PublicKey publicKey;
    JwsAlgorithm.Curve curve = null;
    switch (family) {
      case RSA:
        publicKey = rsa(jwk);
        break;
      case EC:
        curve = JwsAlgorithm.Curve.named(string(jwk, "crv", true));
        if (curve == null) {
          throw new Refused("its curve is not P-256, P-384 or P-521");
        }
        if (own != null && own.curve != curve) {
          throw new Refused("its 'alg' " + alg + " does not go with its curve " + curve.jwkName);
        }
        publicKey = ec(jwk, curve);
        break;
      default:
        if (!"Ed25519".equals(string(jwk, "crv", true))) {
          throw new Refused("its curve is not Ed25519");
        }
        publicKey = ed25519(jwk);
    }
    List<JwsKey> keys = new ArrayList<>();
    for (JwsAlgorithm a : algorithms(own, family, curve)) {
      keys.add(reuse(a, kid, publicKey));
    }
    return keys;
  }

  /** The allowed algorithms this key serves: its own {@code alg}, else those of its type. */
  private Set<JwsAlgorithm> algorithms(
      JwsAlgorithm own, JwsAlgorithm.Family family, JwsAlgorithm.Curve curve) {
    Set<JwsAlgorithm> serves = EnumSet.noneOf(JwsAlgorithm.class);
    for (JwsAlgorithm a : allowed) {
      if (own != null ? a == own : a.family == family && (curve == null || a.curve == curve)) {
        serves.add(a);
      }
    }
    return serves;
  }

  /** The previous set's key when nothing changed (it keeps its warmed-up verifiers), else new. */
  private JwsKey reuse(JwsAlgorithm algorithm, String kid, PublicKey publicKey) {
    for (JwsKey key : previous.keys()) {
      if (key instanceof AsymmetricKey && ((AsymmetricKey) key).sameAs(kid, algorithm, publicKey)) {
        return key;
      }
    }
    try {
      return AsymmetricKey.of(algorithm, publicKey, null, kid);
    } catch (IllegalArgumentException e) {
      throw new Refused(e.getMessage());
    }
  }

  /**
   * Leaves out every key of a {@code kid} and algorithm that two JWKs claim, and every key without
   * kid of an algorithm that two such JWKs serve.
   */
  private List<JwsKey> unambiguous(List<JwsKey> keys) {
    Map<String, Integer> count = new HashMap<>();
    for (JwsKey key : keys) {
      count.merge(slot(key), 1, Integer::sum);
    }
    List<JwsKey> kept = new ArrayList<>();
    List<String> reported = new ArrayList<>();
    for (JwsKey key : keys) {
      String slot = slot(key);
      if (count.get(slot) == 1) {
        kept.add(key);
      } else if (!reported.contains(slot)) {
        reported.add(slot);
        refused.add(
            (key.kid == null
                    ? "keys without kid for " + key.algorithm
                    : "keys of kid '" + key.kid + "' for " + key.algorithm)
                + ": there are several, and which is meant cannot be known");
      }
    }
    return kept;
  }

  private static String slot(JwsKey key) {
    return key.kid + "\u0000" + key.algorithm;
  }

  private static JwsAlgorithm.Family family(String kty) {
    switch (kty) {
      case "RSA":
        return JwsAlgorithm.Family.RSA;
      case "EC":
        return JwsAlgorithm.Family.EC;
      case "OKP":
        return JwsAlgorithm.Family.OKP;
      default:
        throw new Refused("its 'kty' is not RSA, EC or OKP");
    }
  }

  private static PublicKey rsa(Map<String, Object> jwk) {
    BigInteger n = new BigInteger(1, bytes(jwk, "n"));
    BigInteger e = new BigInteger(1, bytes(jwk, "e"));
    return generate("RSA", new RSAPublicKeySpec(n, e));
  }

  private static PublicKey ec(Map<String, Object> jwk, JwsAlgorithm.Curve curve) {
    byte[] x = bytes(jwk, "x");
    byte[] y = bytes(jwk, "y");
    if (x.length != curve.coordinateSize || y.length != curve.coordinateSize) {
      throw new Refused("its coordinates are not " + curve.coordinateSize + " bytes long");
    }
    ECParameterSpec parameters = curve.parameters();
    ECPoint point = new ECPoint(new BigInteger(1, x), new BigInteger(1, y));
    if (!isOnCurve(point, parameters.getCurve())) {
      throw new Refused("its point is not on curve " + curve.jwkName);
    }
    return generate("EC", new ECPublicKeySpec(point, parameters));
  }

  /** {@code y^2 = x^3 + ax + b (mod p)}, with both coordinates in {@code [0, p)}. */
  static boolean isOnCurve(ECPoint point, EllipticCurve curve) {
    BigInteger p = ((ECFieldFp) curve.getField()).getP();
    BigInteger x = point.getAffineX();
    BigInteger y = point.getAffineY();
    if (x.signum() < 0 || y.signum() < 0 || x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
      return false;
    }
    BigInteger left = y.multiply(y).mod(p);
    BigInteger right = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
    return left.equals(right);
  }

  private static PublicKey ed25519(Map<String, Object> jwk) {
    byte[] x = bytes(jwk, "x");
    if (x.length != EdKey.PUBLIC_KEY_BYTES) {
      throw new Refused("its 'x' is not " + EdKey.PUBLIC_KEY_BYTES + " bytes long");
    }
    return generate("Ed25519", new X509EncodedKeySpec(EdKey.subjectPublicKeyInfo(x)));
  }

  private static PublicKey generate(String algorithm, java.security.spec.KeySpec spec) {
    try {
      return KeyFactory.getInstance(algorithm).generatePublic(spec);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new Refused("the JDK does not accept it as an " + algorithm + " public key");
    }
  }

  private static String string(Map<String, Object> jwk, String member, boolean required) {
    Object value = jwk.get(member);
    if (value == null) {
      if (required) {
        throw new Refused("it has no '" + member + "'");
      }
      return null;
    }
    if (!(value instanceof String)) {
      throw new Refused("its '" + member + "' is not a string");
    }
    return (String) value;
  }

  private static byte[] bytes(Map<String, Object> jwk, String member) {
    byte[] encoded =
        string(jwk, member, true).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    byte[] decoded = Base64Url.decode(encoded, 0, encoded.length);
    if (decoded == null || decoded.length == 0) {
      throw new Refused("its '" + member + "' is not base64url");
    }
    return decoded;
  }

  /** A key that is not used, and why. */
  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String reason) {
      super(reason, null, false, false);
    }
  }

  /** A key that is not for signatures apojwt verifies (an encryption key): left out silently. */
  private static final class Skipped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Skipped() {
      super(null, null, false, false);
    }
  }
}
