package dev.apojwt.sample.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apojwt.sample.auth.PasswordHasher.PasswordHash;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  private final PasswordHasher hasher = new PasswordHasher(1000, new SecureRandom());

  @Test
  void verifiesTheRightPasswordOnly() {
    PasswordHash hash = PasswordHash.parse(hasher.hash("correct horse".toCharArray()));
    assertTrue(PasswordHasher.verify("correct horse".toCharArray(), hash));
    assertFalse(PasswordHasher.verify("correct horsE".toCharArray(), hash));
    assertFalse(PasswordHasher.verify("".toCharArray(), hash));
  }

  @Test
  void saltsEveryHashAndRecordsItsIterations() {
    String a = hasher.hash("same".toCharArray());
    String b = hasher.hash("same".toCharArray());
    assertNotEquals(a, b);
    assertTrue(a.startsWith("pbkdf2-sha256$1000$"), a);
    assertEquals(1000, PasswordHash.parse(a).iterations());
  }

  @Test
  void matchesTheRfc7914TestVector() {
    // RFC 7914 section 11: PBKDF2-HMAC-SHA256("passwd", "salt", 1, 64); we keep the first 32 bytes.
    byte[] key = PasswordHasher.derive("passwd".toCharArray(), "salt".getBytes(), 1);
    assertEquals(
        "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc",
        HexFormat.of().formatHex(key));
  }

  @Test
  void refusesMalformedStoredHashes() {
    String good = hasher.hash("pw".toCharArray());
    String[] parts = good.split("\\$");
    for (String bad :
        new String[] {
          "",
          "plain-text-password",
          "pbkdf2-sha1$1000$" + parts[2] + "$" + parts[3],
          "pbkdf2-sha256$abc$" + parts[2] + "$" + parts[3],
          "pbkdf2-sha256$0$" + parts[2] + "$" + parts[3],
          "pbkdf2-sha256$1000$!!!$" + parts[3],
          "pbkdf2-sha256$1000$" + parts[2] + "$" + parts[3].substring(4),
          "pbkdf2-sha256$1000$AAAA$" + parts[3],
          good + "$extra"
        }) {
      assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse(bad), bad);
    }
  }
}
