package dev.apojwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Fetched JWK Sets: a key is used only as it says, and refused keys never verify anything. */
class JwkSetReaderTest {
  private static final Set<JwsAlgorithm> ALLOWED =
      EnumSet.of(JwsAlgorithm.RS256, JwsAlgorithm.RS384, JwsAlgorithm.ES256, JwsAlgorithm.EdDSA);

  static String rsa(String kid, String extra) {
    RSAPublicKey key = (RSAPublicKey) TestTokens.rsa().getPublic();
    return "{\"kty\":\"RSA\",\"kid\":\""
        + kid
        + "\",\"n\":\""
        + unsigned(key.getModulus())
        + "\",\"e\":\"AQAB\""
        + extra
        + "}";
  }

  static String ec(String kid, String extra) {
    ECPublicKey key = (ECPublicKey) Keys.EC_NEW.getPublic();
    return "{\"kty\":\"EC\",\"kid\":\""
        + kid
        + "\",\"crv\":\"P-256\",\"x\":\""
        + coordinate(key.getW().getAffineX())
        + "\",\"y\":\""
        + coordinate(key.getW().getAffineY())
        + "\""
        + extra
        + "}";
  }

  static String unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    return TestTokens.b64(
        bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes);
  }

  static String coordinate(BigInteger value) {
    byte[] bytes = value.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(bytes.length, 32);
    System.arraycopy(bytes, bytes.length - n, out, 32 - n, n);
    return TestTokens.b64(out);
  }

  static String set(String... keys) {
    return "{\"keys\":[" + String.join(",", keys) + "]}";
  }

  private static JwkSetReader.Result read(String json) {
    return JwkSetReader.read(json.getBytes(StandardCharsets.UTF_8), ALLOWED, KeySet.EMPTY);
  }

  private static JwsKey find(JwkSetReader.Result result, JwsAlgorithm alg, String kid) {
    return result.keys.find(new JwsHeader(alg, kid, false));
  }

  private static void refusedFor(String jwk, String reason) {
    JwkSetReader.Result result = read(set(jwk, ec("kept", "")));
    assertEquals(1, result.refused.size(), result.refused.toString());
    assertTrue(result.refused.get(0).contains(reason), result.refused.toString());
    assertEquals(1, result.keys.keys().size(), "the rest of the set stays usable");
  }

  @Test
  void aKeyWithoutAlgServesTheAllowedAlgorithmsOfItsType() {
    JwkSetReader.Result result = read(set(rsa("r", ""), ec("e", "")));
    assertEquals(List.of(), result.refused);
    assertNotNull(find(result, JwsAlgorithm.RS256, "r"));
    assertNotNull(find(result, JwsAlgorithm.RS384, "r"));
    assertNotNull(find(result, JwsAlgorithm.ES256, "e"));
  }

  @Test
  void aKeyWithAnAlgServesThatAlgorithmAlone() {
    JwkSetReader.Result result = read(set(rsa("r", ",\"alg\":\"RS256\",\"use\":\"sig\"")));
    assertNotNull(find(result, JwsAlgorithm.RS256, "r"));
    ApoJwtException e =
        assertThrows(ApoJwtException.class, () -> find(result, JwsAlgorithm.RS384, "r"));
    assertEquals(AuthFailure.Reason.BAD_ALGORITHM, e.reason());
    // An algorithm the configuration does not allow makes the key unusable, silently.
    assertTrue(read(set(rsa("r", ",\"alg\":\"RS512\""))).keys.isEmpty());
  }

  @Test
  void privatePartsAndSymmetricKeysAreRefused() {
    for (String part : List.of("d", "p", "q", "dp", "dq", "qi")) {
      refusedFor(rsa("r", ",\"" + part + "\":\"AQAB\""), "private key parts");
    }
    refusedFor(rsa("r", ",\"oth\":[]"), "private key parts");
    refusedFor(ec("e", ",\"d\":\"AQAB\""), "private key parts");
    refusedFor("{\"kty\":\"oct\",\"kid\":\"h\",\"k\":\"c2VjcmV0\"}", "symmetric key");
  }

  @Test
  void algNoneAndMismatchesAreRefused() {
    refusedFor(rsa("r", ",\"alg\":\"none\""), "'alg' is none");
    refusedFor(rsa("r", ",\"alg\":\"ES256\""), "does not go with its 'kty'");
    refusedFor(ec("e", ",\"alg\":\"RS256\""), "does not go with its 'kty'");
    refusedFor(ec("e", ",\"alg\":\"ES384\""), "does not go with its curve");
    refusedFor(ec("e", "").replace("P-256", "secp256k1"), "curve is not");
    refusedFor(
        "{\"kty\":\"OKP\",\"kid\":\"x\",\"crv\":\"X25519\",\"x\":\""
            + TestTokens.b64(new byte[32])
            + "\"}",
        "not Ed25519");
    refusedFor("{\"kty\":\"DSA\",\"kid\":\"x\"}", "'kty' is not");
    refusedFor("{\"kid\":\"x\"}", "no 'kty'");
  }

  @Test
  void weakOrBrokenKeysAreRefused() {
    RSAPublicKey small = (RSAPublicKey) TestTokens.generate("RSA", 1024).getPublic();
    refusedFor(
        "{\"kty\":\"RSA\",\"kid\":\"s\",\"n\":\""
            + unsigned(small.getModulus())
            + "\",\"e\":\"AQAB\"}",
        "at least 2048 bits");
    refusedFor(rsa("r", "").replace("\"AQAB\"", "\"AQ\""), "public key");
    refusedFor(rsa("r", "").replace("\"AQAB\"", "\"AQAA\""), "exponent");
    ECPublicKey key = (ECPublicKey) Keys.EC_NEW.getPublic();
    String offCurve =
        ec("e", "")
            .replace(
                coordinate(key.getW().getAffineY()),
                coordinate(key.getW().getAffineY().add(BigInteger.ONE)));
    refusedFor(offCurve, "not on curve");
    refusedFor(
        ec("e", "").replace(coordinate(key.getW().getAffineX()), TestTokens.b64(new byte[31])),
        "32 bytes");
    refusedFor(rsa("r", "").replace("\"AQAB\"", "\"AQAB=\""), "not base64url");
    refusedFor(rsa("r", "").replace("\"AQAB\"", "65537"), "not a string");
    refusedFor(rsa("r' OR 1=1", ""), "not a valid key id");
  }

  @Test
  void encryptionKeysAreLeftOutSilently() {
    JwkSetReader.Result result =
        read(
            set(
                rsa("enc", ",\"use\":\"enc\""),
                rsa("o", ",\"key_ops\":[\"encrypt\"]"),
                rsa("oaep", ",\"alg\":\"RSA-OAEP\"")));
    assertEquals(List.of(), result.refused);
    assertTrue(result.keys.isEmpty());
  }

  @Test
  void twoKeysOfOneKidAreBothLeftOut() {
    JwkSetReader.Result result = read(set(rsa("same", ""), rsa("same", ""), ec("e", "")));
    assertTrue(result.refused.get(0).contains("several"), result.refused.toString());
    assertNull(find(result, JwsAlgorithm.RS256, "same"));
    assertNotNull(find(result, JwsAlgorithm.ES256, "e"));
  }

  @Test
  void aSetThatIsNotAJwkSetIsRefusedWhole() {
    for (String json :
        List.of(
            "",
            "[]",
            "{}",
            "{\"keys\":{}}",
            "{\"keys\":[1]}",
            "{\"keys\":[],\"keys\":[]}",
            "{\"keys\":[" + rsa("a", "") + "]} trailing",
            "{\"keys\":[{\"kty\":\"RSA\",\"kty\":\"EC\"}]}")) {
      assertThrows(IllegalArgumentException.class, () -> read(json), json);
    }
  }

  @Test
  void anUnchangedKeyIsKeptAcrossFetches() {
    JwkSetReader.Result first = read(set(rsa("r", ""), ec("e", "")));
    JwkSetReader.Result second =
        JwkSetReader.read(
            set(ec("e", ""), rsa("r", "")).getBytes(StandardCharsets.UTF_8), ALLOWED, first.keys);
    assertSame(find(first, JwsAlgorithm.ES256, "e"), find(second, JwsAlgorithm.ES256, "e"));
    assertSame(find(first, JwsAlgorithm.RS256, "r"), find(second, JwsAlgorithm.RS256, "r"));
  }
}
