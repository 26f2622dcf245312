package dev.apojwt;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The access and refresh secrets must be different HMAC keys, not only different bytes: HMAC pads
 * short keys with zeros and hashes keys longer than its block. (Each case failed in a review before
 * its fix; do not loosen one, fix the production code.)
 */
class HmacKeySeparationTest {

  /**
   * Was a bug: build() compares the access and refresh secrets byte for byte, but HMAC pads short
   * keys with zeros (and hashes keys longer than the block), so a "different" refresh secret can be
   * the same HMAC key. SECURITY.md 3.12 counts distinct keys as one of the three independent
   * separations of access and refresh tokens; here it silently does not hold.
   */
  @Test
  void build_rejectsARefreshSecretThatIsTheSameHmacKey_zeroPadded() {
    byte[] access = TestTokens.SECRET.getBytes(StandardCharsets.UTF_8);
    byte[] refresh = Arrays.copyOf(access, access.length + 1); // access || 0x00
    assertEquivalentKeysRefused(access, refresh);
  }

  /** Was a bug: same, with a secret longer than SHA-256's 64-byte block and its hash. */
  @Test
  void build_rejectsARefreshSecretThatIsTheSameHmacKey_hashedLongKey() throws Exception {
    byte[] access = "k".repeat(100).getBytes(StandardCharsets.UTF_8);
    byte[] refresh = MessageDigest.getInstance("SHA-256").digest(access);
    assertEquivalentKeysRefused(access, refresh);
  }

  private static void assertEquivalentKeysRefused(byte[] access, byte[] refresh) {
    ApoJwt jwt;
    try {
      jwt =
          ApoJwt.builder()
              .secret(access)
              .clock(TestTokens.CLOCK)
              .refresh(refresh, Duration.ofDays(1), call -> null)
              .build();
    } catch (IllegalArgumentException expected) {
      return; // what build() should do
    }
    // Show the consequence: the refresh key's signatures pass the access key's check.
    String signingInput =
        TestTokens.b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}")
            + "."
            + TestTokens.b64(TestTokens.payload(""));
    String byRefreshKey = signingInput + "." + TestTokens.b64(hmacSha256(refresh, signingInput));
    jwt.verify(byRefreshKey); // passes: the two configured keys are one HMAC key
    fail("build() accepted a refresh secret that is the same HMAC key as the access secret");
  }

  private static byte[] hmacSha256(byte[] key, String input) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
