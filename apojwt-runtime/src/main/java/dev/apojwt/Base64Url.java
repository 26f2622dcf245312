package dev.apojwt;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Strict base64url (RFC 4648 section 5, no padding) as JWS requires. {@link java.util.Base64}
 * accepts non-canonical encodings (non-zero unused bits in the last character), so that two
 * different strings would decode to the same bytes; this decoder refuses them.
 */
final class Base64Url {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  /** The character of each 6-bit value. */
  private static final byte[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
          .getBytes(StandardCharsets.US_ASCII);

  /** The 6-bit value of each byte, -1 for bytes outside the alphabet (indexed by b & 0xff). */
  private static final byte[] VALUES = new byte[256];

  static {
    Arrays.fill(VALUES, (byte) -1);
    for (int i = 0; i < ALPHABET.length; i++) {
      VALUES[ALPHABET[i]] = (byte) i;
    }
  }

  private Base64Url() {}

  /** The length of the unpadded base64url encoding of {@code n} bytes. */
  static int encodedLength(int n) {
    return n / 3 * 4 + (n % 3 == 0 ? 0 : n % 3 + 1);
  }

  /**
   * Encodes {@code src} into {@code dst} from index {@code at}, which must leave {@link
   * #encodedLength} bytes of room; returns the index after the last byte written.
   */
  static int encode(byte[] src, byte[] dst, int at) {
    int o = at;
    int i = 0;
    for (int full = src.length - src.length % 3; i < full; i += 3) {
      int bits = (src[i] & 0xff) << 16 | (src[i + 1] & 0xff) << 8 | (src[i + 2] & 0xff);
      dst[o++] = ALPHABET[bits >>> 18];
      dst[o++] = ALPHABET[(bits >>> 12) & 0x3f];
      dst[o++] = ALPHABET[(bits >>> 6) & 0x3f];
      dst[o++] = ALPHABET[bits & 0x3f];
    }
    int tail = src.length - i;
    if (tail == 1) {
      int bits = (src[i] & 0xff) << 4;
      dst[o++] = ALPHABET[bits >>> 6];
      dst[o++] = ALPHABET[bits & 0x3f];
    } else if (tail == 2) {
      int bits = (src[i] & 0xff) << 10 | (src[i + 1] & 0xff) << 2;
      dst[o++] = ALPHABET[bits >>> 12];
      dst[o++] = ALPHABET[(bits >>> 6) & 0x3f];
      dst[o++] = ALPHABET[bits & 0x3f];
    }
    return o;
  }

  static String encodeToString(byte[] bytes) {
    return ENCODER.encodeToString(bytes);
  }

  /** Whether {@code c} is one of the 64 base64url characters. */
  static boolean isAlphabet(int c) {
    return c >= 0 && c < 256 && VALUES[c] >= 0;
  }

  /**
   * Decodes {@code src[from, to)}; null when that range is not canonical unpadded base64url (a
   * character outside the alphabet, a length of 1 mod 4, or non-zero unused bits).
   */
  static byte[] decode(byte[] src, int from, int to) {
    int length = to - from;
    int tail = length & 3;
    if (tail == 1) {
      return null;
    }
    byte[] out = new byte[length / 4 * 3 + (tail == 0 ? 0 : tail - 1)];
    int o = 0;
    int i = from;
    int fullEnd = to - tail;
    while (i < fullEnd) {
      int a = value(src[i]);
      int b = value(src[i + 1]);
      int c = value(src[i + 2]);
      int d = value(src[i + 3]);
      if ((a | b | c | d) < 0) {
        return null;
      }
      int bits = a << 18 | b << 12 | c << 6 | d;
      out[o++] = (byte) (bits >> 16);
      out[o++] = (byte) (bits >> 8);
      out[o++] = (byte) bits;
      i += 4;
    }
    if (tail == 2) {
      int a = value(src[i]);
      int b = value(src[i + 1]);
      if ((a | b) < 0 || (b & 0x0f) != 0) {
        return null;
      }
      out[o] = (byte) (a << 2 | b >> 4);
    } else if (tail == 3) {
      int a = value(src[i]);
      int b = value(src[i + 1]);
      int c = value(src[i + 2]);
      if ((a | b | c) < 0 || (c & 0x03) != 0) {
        return null;
      }
      int bits = a << 12 | b << 6 | c;
      out[o++] = (byte) (bits >> 10);
      out[o] = (byte) (bits >> 2);
    }
    return out;
  }

  private static int value(byte c) {
    return VALUES[c & 0xff];
  }
}
