package dev.apojwt;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the public keys of a key set as an RFC 7517 JWK Set, for {@code /.well-known/jwks.json}:
 * {@code kty}, {@code kid}, {@code use: "sig"}, {@code alg}, and the public parameters (RSA {@code
 * n}, {@code e}; EC {@code crv}, {@code x}, {@code y}; OKP {@code crv: "Ed25519"}, {@code x}). It
 * reads nothing but public keys, so no private part can be written; HMAC secrets are left out.
 */
final class JwkSetWriter {
  private JwkSetWriter() {}

  static String write(KeySet keys) {
    // A verification key made for several algorithms (RS256 and RS384) is one JWK without alg.
    Map<String, List<AsymmetricKey>> byPublicKey = new LinkedHashMap<>();
    for (JwsKey key : keys.keys()) {
      if (key instanceof AsymmetricKey) {
        AsymmetricKey k = (AsymmetricKey) key;
        String identity = k.kid + "\u0000" + Base64Url.encodeToString(k.publicKey.getEncoded());
        byPublicKey.computeIfAbsent(identity, i -> new ArrayList<>()).add(k);
      }
    }
    return StrictJson.write(
        json -> {
          json.writeStartObject();
          json.writeArrayFieldStart("keys");
          for (List<AsymmetricKey> same : byPublicKey.values()) {
            writeKey(json, same.get(0), same.size() == 1);
          }
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  private static void writeKey(JsonGenerator json, AsymmetricKey key, boolean withAlgorithm)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("kty", key.algorithm.family.name());
    if (key.kid != null) {
      json.writeStringField("kid", key.kid);
    }
    json.writeStringField("use", "sig");
    if (withAlgorithm) {
      json.writeStringField("alg", key.algorithm.name());
    }
    switch (key.algorithm.family) {
      case RSA:
        RSAPublicKey rsa = (RSAPublicKey) key.publicKey;
        json.writeStringField("n", unsigned(rsa.getModulus()));
        json.writeStringField("e", unsigned(rsa.getPublicExponent()));
        break;
      case EC:
        ECPublicKey ec = (ECPublicKey) key.publicKey;
        int size = key.algorithm.curve.coordinateSize;
        json.writeStringField("crv", key.algorithm.curve.jwkName);
        json.writeStringField("x", coordinate(ec.getW().getAffineX(), size));
        json.writeStringField("y", coordinate(ec.getW().getAffineY(), size));
        break;
      case OKP:
        json.writeStringField("crv", "Ed25519");
        json.writeStringField("x", Base64Url.encodeToString(EdKey.rawPublicKey(key.publicKey)));
        break;
      default:
        throw new AssertionError(key.algorithm);
    }
    json.writeEndObject();
  }

  /** RFC 7518 6.3.1: the unsigned big-endian value in as few octets as it needs. */
  private static String unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
    byte[] out = new byte[bytes.length - skip];
    System.arraycopy(bytes, skip, out, 0, out.length);
    return Base64Url.encodeToString(out);
  }

  /** RFC 7518 6.2.1.2: a coordinate is always the full size of the curve's field. */
  private static String coordinate(BigInteger value, int size) {
    byte[] bytes = value.toByteArray();
    byte[] out = new byte[size];
    int n = Math.min(bytes.length, size);
    System.arraycopy(bytes, bytes.length - n, out, size - n, n);
    return Base64Url.encodeToString(out);
  }
}
