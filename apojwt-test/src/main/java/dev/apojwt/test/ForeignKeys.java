package dev.apojwt.test;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a token's header and payload again with a key that no service has: a throwaway key of the
 * algorithm the token's header names, chosen by its {@link KeyFamily} (for RSA, of the size the
 * token's own signature shows; for EdDSA, of the curve its size shows). The result differs from the
 * real token only in its signature, so a verifier refuses it for that alone.
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
    KeyFamily family = KeyFamily.of(algorithm);
    if (family == null) {
      throw new IllegalStateException(
          "the test kit cannot sign " + algorithm + " tokens with another key");
    }
    Key key =
        family == KeyFamily.HMAC
            ? new SecretKeySpec(KEYS.secret("hmac", 64), "HmacSHA" + KeyFamily.hashBits(algorithm))
            : KEYS.pairFor(algorithm, signatureBytes).getPrivate();
    try {
      return family.sign(algorithm, key, data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot sign " + algorithm, e);
    }
  }
}
