package dev.apojwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The signatures apojwt makes are the JWS signatures of RFC 7515/7518, checked with the JDK alone
 * (not with apojwt's verifier): the MAC of the signing input, an RSA PKCS#1 v1.5 signature, and for
 * ECDSA the two coordinates R || S at the curve's size (not DER).
 */
class SignatureFormatTest {
  private static final String SECRET = "k".repeat(64);

  @ParameterizedTest
  @CsvSource({"HS256, HmacSHA256, 32", "HS384, HmacSHA384, 48", "HS512, HmacSHA512, 64"})
  void hmacSignaturesAreTheMacOfTheSigningInput(String algorithm, String mac, int length)
      throws Exception {
    ApoJwt jwt = ApoJwt.builder().algorithm(algorithm).secret(SECRET).build();
    for (int i = 0; i < 3; i++) { // the per-thread Mac is reused: each token is signed afresh
      String[] parts = jwt.createToken("user-" + i, List.of("p"), Map.of()).split("\\.");
      Mac jdk = Mac.getInstance(mac);
      jdk.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), mac));
      byte[] expected = jdk.doFinal(signingInput(parts));
      byte[] signature = TestTokens.unb64(parts[2]);
      assertEquals(length, signature.length);
      assertTrue(Arrays.equals(expected, signature), algorithm);
    }
  }

  @ParameterizedTest
  @CsvSource({"RS256, SHA256withRSA", "RS384, SHA384withRSA", "RS512, SHA512withRSA"})
  void rsaSignaturesArePkcs1(String algorithm, String jca) throws Exception {
    KeyPair keys = TestTokens.rsa();
    ApoJwt jwt = ApoJwt.builder().algorithm(algorithm).signingKeys(keys).build();
    for (int i = 0; i < 3; i++) {
      String[] parts = jwt.createToken("user-" + i, List.of("p"), Map.of()).split("\\.");
      Signature jdk = Signature.getInstance(jca);
      jdk.initVerify(keys.getPublic());
      jdk.update(signingInput(parts));
      byte[] signature = TestTokens.unb64(parts[2]);
      assertEquals(256, signature.length);
      assertTrue(jdk.verify(signature), algorithm);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "ES256, secp256r1, SHA256withECDSA, 32",
    "ES384, secp384r1, SHA384withECDSA, 48",
    "ES512, secp521r1, SHA512withECDSA, 66"
  })
  void ecdsaSignaturesAreRAndSAtTheCurveSize(String algorithm, String curve, String jca, int size)
      throws Exception {
    KeyPair keys = TestTokens.ec(curve);
    ApoJwt jwt = ApoJwt.builder().algorithm(algorithm).signingKeys(keys).build();
    for (int i = 0; i < 3; i++) {
      String[] parts = jwt.createToken("user-" + i, List.of("p"), Map.of()).split("\\.");
      byte[] signature = TestTokens.unb64(parts[2]);
      assertEquals(2 * size, signature.length);
      Signature jdk = Signature.getInstance(jca); // DER-encoded ECDSA, independent of P1363
      jdk.initVerify(keys.getPublic());
      jdk.update(signingInput(parts));
      assertTrue(jdk.verify(der(signature)), algorithm);
    }
  }

  private static byte[] signingInput(String[] parts) {
    return (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
  }

  /** R || S as the DER SEQUENCE of two INTEGERs that the JDK's plain ECDSA reads. */
  private static byte[] der(byte[] rs) {
    int half = rs.length / 2;
    byte[] r = new BigInteger(1, Arrays.copyOfRange(rs, 0, half)).toByteArray();
    byte[] s = new BigInteger(1, Arrays.copyOfRange(rs, half, rs.length)).toByteArray();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    integer(body, r);
    integer(body, s);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x30);
    length(out, body.size());
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  private static void integer(ByteArrayOutputStream out, byte[] value) {
    out.write(0x02);
    length(out, value.length);
    out.writeBytes(value);
  }

  private static void length(ByteArrayOutputStream out, int length) {
    if (length >= 128) {
      out.write(0x81);
    }
    out.write(length);
  }
}
