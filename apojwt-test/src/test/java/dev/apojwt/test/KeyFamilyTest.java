package dev.apojwt.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The kit makes keys and signatures by the algorithm's family, so algorithms that the runtime does
 * not have yet (PS*, EdDSA) work once it does: a token of theirs, signed with another key, carries
 * a signature that the JDK verifies with that other key, and with no other.
 */
class KeyFamilyTest {
  @Test
  void theFamilyIsReadFromTheNameInAnyCase() {
    assertEquals(KeyFamily.HMAC, KeyFamily.of("HS384"));
    assertEquals(KeyFamily.RSA, KeyFamily.of("rs256"));
    assertEquals(KeyFamily.RSA_PSS, KeyFamily.of("PS512"));
    assertEquals(KeyFamily.EC, KeyFamily.of("ES512"));
    assertEquals(KeyFamily.EDDSA, KeyFamily.of("EdDSA"));
    assertEquals(KeyFamily.EDDSA, KeyFamily.of("EDDSA"));
    for (String none : List.of("none", "HS1024", "XS256", "ES", "", "Ed25519")) {
      assertNull(KeyFamily.of(none), none);
    }
    assertEquals("secp521r1", KeyFamily.curveOf("ES512"));
    assertEquals("secp384r1", KeyFamily.curveOf("ES384"));
  }

  @ParameterizedTest(name = "{0} ({1})")
  @CsvSource({
    "PS256, RSASSA-PSS, 256",
    "PS384, RSASSA-PSS, 256",
    "PS512, RSASSA-PSS, 384",
    "EdDSA, Ed25519, 64",
    "EdDSA, Ed448, 114"
  })
  void tokensOfAlgorithmsToComeAreSignedWithAnotherKeyOfTheirFamily(
      String algorithm, String jdkName, int signatureBytes) throws Exception {
    String signingInput =
        b64("{\"alg\":\"" + algorithm + "\",\"typ\":\"JWT\"}") + "." + b64("{\"sub\":\"alice\"}");
    KeyPair service = new KeyCache().pairFor(algorithm, signatureBytes);
    byte[] own = KeyFamily.of(algorithm).sign(algorithm, service.getPrivate(), bytes(signingInput));
    assertEquals(signatureBytes, own.length);

    String foreign = ForeignKeys.resign(signingInput + "." + b64(own));
    assertTrue(foreign.startsWith(signingInput + "."), foreign);
    byte[] signature = Base64.getUrlDecoder().decode(foreign.substring(signingInput.length() + 1));
    assertEquals(signatureBytes, signature.length);
    PublicKey other = ForeignKeys.KEYS.pairFor(algorithm, signatureBytes).getPublic();
    assertTrue(verifies(algorithm, jdkName, other, signingInput, signature));
    assertFalse(verifies(algorithm, jdkName, service.getPublic(), signingInput, signature));
  }

  /** The JDK's own check of a JWS signature (RFC 7518 3.5 for PS*, RFC 8037 for EdDSA). */
  private static boolean verifies(
      String algorithm, String jdkName, PublicKey key, String signingInput, byte[] signature)
      throws Exception {
    Signature verifier = Signature.getInstance(jdkName);
    if (jdkName.equals("RSASSA-PSS")) {
      String hash = "SHA-" + algorithm.substring(2);
      int saltBytes = Integer.parseInt(algorithm.substring(2)) / 8;
      verifier.setParameter(
          new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), saltBytes, 1));
    }
    verifier.initVerify(key);
    verifier.update(bytes(signingInput));
    return verifier.verify(signature);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static String b64(String json) {
    return b64(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
