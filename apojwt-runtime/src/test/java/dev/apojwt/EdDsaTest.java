package dev.apojwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** EdDSA with Ed25519 (RFC 8037), signed and verified with the JDK's own provider. */
class EdDsaTest {
  private static final ApoJwt SIGNER =
      ApoJwt.builder()
          .algorithm("EdDSA")
          .signingKeys("ed-1", Keys.ED25519)
          .clock(TestTokens.CLOCK)
          .build();

  @Test
  void tokensAreSignedAndVerified() {
    String token = SIGNER.createToken("u", List.of("orders:read"), Map.of());
    assertEquals("{\"alg\":\"EdDSA\",\"typ\":\"at+jwt\",\"kid\":\"ed-1\"}", Keys.header(token));
    assertEquals(List.of("orders:read"), List.copyOf(SIGNER.verify(token).permissions()));
    ApoJwt verifier =
        ApoJwt.builder()
            .algorithm("EdDSA")
            .verificationKey("ed-1", Keys.ED25519.getPublic())
            .clock(TestTokens.CLOCK)
            .build();
    assertEquals("u", verifier.verify(token).subject());
  }

  @Test
  void tokensSignedByTheJdkIndependentlyVerify() {
    String token =
        Keys.sign(
            "Ed25519",
            Keys.ED25519.getPrivate(),
            "{\"alg\":\"EdDSA\",\"kid\":\"ed-1\"}",
            TestTokens.payload(""));
    assertEquals("user-1", SIGNER.verify(token).subject());
  }

  @Test
  void anotherKeyOrABrokenSignatureIsRefused() {
    KeyPair other = Keys.generate("Ed25519");
    String forged =
        Keys.sign(
            "Ed25519",
            other.getPrivate(),
            "{\"alg\":\"EdDSA\",\"kid\":\"ed-1\"}",
            TestTokens.payload(""));
    assertEquals(
        AuthFailure.Reason.BAD_SIGNATURE,
        assertThrows(ApoJwtException.class, () -> SIGNER.verify(forged)).reason());
    String token = SIGNER.createToken("u", List.of(), Map.of());
    String signature = token.substring(token.lastIndexOf('.') + 1);
    byte[] bytes = TestTokens.unb64(signature);
    for (byte[] broken :
        List.of(Arrays.copyOf(bytes, 63), Arrays.copyOf(bytes, 65), new byte[64])) {
      String tampered = token.substring(0, token.lastIndexOf('.') + 1) + TestTokens.b64(broken);
      assertEquals(
          AuthFailure.Reason.BAD_SIGNATURE,
          assertThrows(ApoJwtException.class, () -> SIGNER.verify(tampered)).reason());
    }
  }
}
