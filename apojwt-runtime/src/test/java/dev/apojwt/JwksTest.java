package dev.apojwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** jwt.jwks(): the RFC 7517 JWK Set of the public keys, never a private part or a secret. */
class JwksTest {
  private static final List<String> PRIVATE_MEMBERS =
      List.of("d", "p", "q", "dp", "dq", "qi", "k", "oth");

  private static final KeyPair P384 = TestTokens.ec("secp384r1");

  private static final ApoJwt SERVICE =
      ApoJwt.builder()
          .algorithms("ES256", "RS256", "RS384", "EdDSA", "ES384")
          .algorithm("ES256")
          .signingKeys("2026-12", Keys.EC_NEW)
          .verificationKey("2026-11", Keys.EC_OLD.getPublic())
          .verificationKey("rsa", TestTokens.rsa().getPublic())
          .verificationKey("ed", Keys.ED25519.getPublic())
          .verificationKey(P384.getPublic())
          .clock(TestTokens.CLOCK)
          .build();

  private static JsonNode parse(String json) throws Exception {
    return new ObjectMapper().readTree(json);
  }

  private static byte[] b64(JsonNode node) {
    return TestTokens.unb64(node.asText());
  }

  @Test
  void everyPublicKeyIsPublishedWithItsParameters() throws Exception {
    JsonNode keys = parse(SERVICE.jwks()).get("keys");
    assertEquals(5, keys.size());
    List<String> kids = new ArrayList<>();
    for (JsonNode key : keys) {
      assertEquals("sig", key.get("use").asText());
      kids.add(key.has("kid") ? key.get("kid").asText() : null);
    }
    assertEquals(java.util.Arrays.asList("2026-12", "2026-11", "rsa", "ed", null), kids);

    JsonNode ec = keys.get(0);
    assertEquals("EC", ec.get("kty").asText());
    assertEquals("ES256", ec.get("alg").asText());
    assertEquals("P-256", ec.get("crv").asText());
    ECPublicKey ecKey = (ECPublicKey) Keys.EC_NEW.getPublic();
    assertEquals(32, b64(ec.get("x")).length);
    assertEquals(32, b64(ec.get("y")).length);
    assertEquals(ecKey.getW().getAffineX(), new BigInteger(1, b64(ec.get("x"))));
    assertEquals(ecKey.getW().getAffineY(), new BigInteger(1, b64(ec.get("y"))));

    JsonNode rsa = keys.get(2);
    assertEquals("RSA", rsa.get("kty").asText());
    // The key serves RS256 and RS384, so the JWK names neither.
    assertFalse(rsa.has("alg"), rsa.toString());
    RSAPublicKey rsaKey = (RSAPublicKey) TestTokens.rsa().getPublic();
    assertEquals(rsaKey.getModulus(), new BigInteger(1, b64(rsa.get("n"))));
    assertEquals(256, b64(rsa.get("n")).length, "no leading zero byte");
    assertEquals("AQAB", rsa.get("e").asText());

    JsonNode ed = keys.get(3);
    assertEquals("OKP", ed.get("kty").asText());
    assertEquals("Ed25519", ed.get("crv").asText());
    assertEquals("EdDSA", ed.get("alg").asText());
    byte[] encoded = Keys.ED25519.getPublic().getEncoded();
    assertEquals(
        TestTokens.b64(java.util.Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length)),
        ed.get("x").asText());

    JsonNode p384 = keys.get(4);
    assertEquals("P-384", p384.get("crv").asText());
    assertEquals(48, b64(p384.get("x")).length);
  }

  @Test
  void noPrivatePartEverAppears() throws Exception {
    for (String json :
        List.of(
            SERVICE.jwks(),
            ApoJwt.builder().algorithm("RS256").signingKeys(TestTokens.rsa()).build().jwks(),
            ApoJwt.builder().algorithm("EdDSA").signingKeys(Keys.ED25519).build().jwks())) {
      JsonNode keys = parse(json).get("keys");
      assertTrue(keys.size() > 0);
      for (JsonNode key : keys) {
        for (String member : PRIVATE_MEMBERS) {
          assertFalse(key.has(member), member + " in " + key);
        }
      }
    }
  }

  @Test
  void hmacSecretsNeverAppear() throws Exception {
    String json = TestTokens.hs256().build().jwks();
    assertEquals("{\"keys\":[]}", json);
    assertFalse(json.contains(TestTokens.b64(TestTokens.SECRET)));
  }

  /** What a consumer of the set reads back verifies the tokens the service makes. */
  @Test
  void thePublishedSetVerifiesTheServicesTokens() {
    JwkSetReader.Result read =
        JwkSetReader.read(
            SERVICE.jwks().getBytes(StandardCharsets.UTF_8),
            EnumSet.of(JwsAlgorithm.ES256, JwsAlgorithm.RS256, JwsAlgorithm.EdDSA),
            KeySet.EMPTY);
    assertEquals(List.of(), read.refused);
    String token = SERVICE.createToken("u", List.of(), Map.of());
    JwsKey key = read.keys.find(new JwsHeader(JwsAlgorithm.ES256, "2026-12", false));
    int dot = token.lastIndexOf('.');
    byte[] input = token.substring(0, dot).getBytes(StandardCharsets.US_ASCII);
    assertTrue(key.verify(input, 0, input.length, TestTokens.unb64(token.substring(dot + 1))));
  }
}
