package dev.apojwt.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Hand-forges tokens with JCA alone, independently of the code under test. */
final class Forge {
  private Forge() {}

  static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String b64(String text) {
    return b64(text.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] unb64(String part) {
    return Base64.getUrlDecoder().decode(part);
  }

  static byte[] hmac(String jcaAlgorithm, byte[] key, String signingInput) {
    try {
      Mac mac = Mac.getInstance(jcaAlgorithm);
      mac.init(new SecretKeySpec(key, jcaAlgorithm));
      return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** header.payload, HMAC-signed with {@code key}. */
  static String hmacToken(String jcaAlgorithm, byte[] key, String headerJson, String payloadJson) {
    return signHmac(jcaAlgorithm, key, b64(headerJson) + "." + b64(payloadJson));
  }

  static String signHmac(String jcaAlgorithm, byte[] key, String signingInput) {
    return signingInput + "." + b64(hmac(jcaAlgorithm, key, signingInput));
  }

  static String hs256(String secret, String headerJson, String payloadJson) {
    return hmacToken(
        "HmacSHA256", secret.getBytes(StandardCharsets.UTF_8), headerJson, payloadJson);
  }

  static String rs256(PrivateKey key, String headerJson, String payloadJson) {
    return sign("SHA256withRSA", key, headerJson, payloadJson);
  }

  static String es256(PrivateKey key, String headerJson, String payloadJson) {
    return sign("SHA256withECDSAinP1363Format", key, headerJson, payloadJson);
  }

  /** header.payload signed by JCA with {@code jcaAlgorithm}. */
  static String sign(String jcaAlgorithm, PrivateKey key, String headerJson, String payloadJson) {
    try {
      String input = b64(headerJson) + "." + b64(payloadJson);
      Signature signature = Signature.getInstance(jcaAlgorithm);
      signature.initSign(key);
      signature.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + b64(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** A JSON object built member by member from raw JSON values, in insertion order. */
  static final class Json {
    private final Map<String, String> members = new LinkedHashMap<>();

    Json with(String name, String rawJsonValue) {
      members.put(name, rawJsonValue);
      return this;
    }

    Json without(String name) {
      members.remove(name);
      return this;
    }

    Json copy() {
      Json copy = new Json();
      copy.members.putAll(members);
      return copy;
    }

    @Override
    public String toString() {
      StringJoiner json = new StringJoiner(",", "{", "}");
      members.forEach((k, v) -> json.add("\"" + k + "\":" + v));
      return json.toString();
    }
  }

  static String quote(String s) {
    return "\"" + s + "\"";
  }
}
