package dev.apojwt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** apojwt's table-driven base64url against the JDK's, at every length and every position. */
class Base64UrlTest {
  private static final Base64.Encoder JDK_ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  @Test
  void encodesAsTheJdkDoesIntoAnyOffset() {
    Random random = new Random(7);
    for (int n = 0; n <= 200; n++) {
      byte[] bytes = new byte[n];
      random.nextBytes(bytes);
      byte[] expected = JDK_ENCODER.encode(bytes);
      assertEquals(expected.length, Base64Url.encodedLength(n));
      byte[] out = new byte[expected.length + 5];
      byte[] longer = java.util.Arrays.copyOf(bytes, n + 7); // only the first n bytes count
      assertEquals(3 + expected.length, Base64Url.encode(longer, n, out, 3));
      byte[] written = new byte[expected.length];
      System.arraycopy(out, 3, written, 0, expected.length);
      assertArrayEquals(expected, written, "length " + n);
    }
  }

  @Test
  void decodesWhatTheJdkEncodesWithinALargerArray() {
    Random random = new Random(11);
    for (int n = 0; n <= 200; n++) {
      byte[] bytes = new byte[n];
      random.nextBytes(bytes);
      byte[] encoded =
          ("xx" + JDK_ENCODER.encodeToString(bytes) + ".y").getBytes(StandardCharsets.US_ASCII);
      assertArrayEquals(bytes, Base64Url.decode(encoded, 2, encoded.length - 2), "length " + n);
    }
  }

  @Test
  void refusesEveryByteOutsideTheAlphabetAtEveryPosition() {
    byte[] valid = JDK_ENCODER.encode(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
    for (int b = 0; b < 256; b++) {
      if (ALPHABET.indexOf(b) >= 0) {
        continue;
      }
      for (int at = 0; at < valid.length; at++) {
        byte[] bad = valid.clone();
        bad[at] = (byte) b;
        assertNull(Base64Url.decode(bad, 0, bad.length), "byte " + b + " at " + at);
      }
    }
  }

  @Test
  void refusesNonCanonicalLastCharactersAndImpossibleLengths() {
    for (int n = 1; n <= 5; n++) {
      byte[] encoded = JDK_ENCODER.encode(new byte[n]);
      int unusedBits = n % 3 == 1 ? 4 : n % 3 == 2 ? 2 : 0;
      int last = encoded.length - 1;
      for (int bit = 0; bit < unusedBits; bit++) {
        byte[] altered = encoded.clone();
        altered[last] = (byte) ALPHABET.charAt(ALPHABET.indexOf(altered[last]) ^ (1 << bit));
        assertNull(Base64Url.decode(altered, 0, altered.length), n + " bytes, bit " + bit);
      }
    }
    byte[] five = "AAAAA".getBytes(StandardCharsets.US_ASCII);
    assertNull(Base64Url.decode(five, 0, 5));
  }

  @Test
  void classifiesEachByteForTheScan() {
    for (int b = 0; b < 256; b++) {
      int expected =
          b == '.'
              ? Base64Url.DOT
              : ALPHABET.indexOf(b) >= 0 ? ALPHABET.indexOf(b) : Base64Url.NOT_ALPHABET;
      assertEquals(expected, Base64Url.classOf((byte) b), "byte " + b);
    }
  }
}
