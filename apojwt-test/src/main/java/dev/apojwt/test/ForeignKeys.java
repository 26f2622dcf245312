package dev.apojwt.test;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a token's header and payload again with a key that no service has: a throwaway key of the
 * algorithm the token's header names (for RSA, of the size the token's own signature shows). The
 * result differs from the real token only in its signature, so a verifier refuses it for that
 * alone.
 */
final class ForeignKeys {
  private static final Pattern ALG = Pattern.compile("\"alg\"\\s*:\\s*\"([^\"]+)\"");

  /** The other keys; a test of the kit checks that tokens they sign are valid ones of theirs. */
  static final KeyCache KEYS = new KeyCache();

  private ForeignKeys() {}

  /** {@code token} with its signature replaced by one of a key that no service has. */
  static String resign(String token) {
    int header = token.indexOf('.');
    int signature = token.lastIndexOf('.');
    String signingInput = token.substring(0, signature);
    String algorithm = algorithm(token.substring(0, header));
    int signatureBytes = Base64.getUrlDecoder().decode(token.substring(signature + 1)).length;
    byte[] foreign =
        sign(algorithm, signatureBytes, signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(foreign);
  }

  /** The {@code alg} of an encoded header (one that apojwt wrote). */
  static String algorithm(String encodedHeader) {
    String json = new String(Base64.getUrlDecoder().decode(encodedHeader), StandardCharsets.UTF_8);
    Matcher alg = ALG.matcher(json);
    if (!alg.find()) {
      throw new IllegalStateException("the token's header names no algorithm");
    }
    return alg.group(1);
  }

  private static byte[] sign(String algorithm, int signatureBytes, byte[] data) {
    try {
      switch (algorithm) {
        case "HS256":
        case "HS384":
        case "HS512":
          Mac mac = Mac.getInstance("HmacSHA" + algorithm.substring(2));
          mac.init(new SecretKeySpec(KEYS.secret("hmac", 64), mac.getAlgorithm()));
          return mac.doFinal(data);
        case "RS256":
        case "RS384":
        case "RS512":
          return sign(
              "SHA" + algorithm.substring(2) + "withRSA",
              KEYS.rsa(signatureBytes * 8).getPrivate(),
              data);
        case "ES256":
        case "ES384":
        case "ES512":
          return sign(
              "SHA" + algorithm.substring(2) + "withECDSAinP1363Format",
              KEYS.ec(KeyCache.curveOf(algorithm)).getPrivate(),
              data);
        default:
          throw new IllegalStateException(
              "the test kit cannot sign " + algorithm + " tokens with another key");
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot sign " + algorithm, e);
    }
  }

  private static byte[] sign(String jcaName, PrivateKey key, byte[] data)
      throws GeneralSecurityException {
    Signature signature = Signature.getInstance(jcaName);
    signature.initSign(key);
    signature.update(data);
    return signature.sign();
  }
}
