package dev.apojwt;

import java.util.Arrays;
import java.util.Base64;

/**
 * Strict base64url (RFC 4648 section 5, no padding) as JWS requires. {@link java.util.Base64}
 * accepts non-canonical encodings (non-zero unused bits in the last character), so that two
 * different strings would decode to the same bytes; this decoder refuses them.
 */
final class Base64Url {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  /** The 6-bit value of each byte, -1 for bytes outside the alphabet (indexed by b & 0xff). */
  private static final byte[] VALUES = new byte[256];

  static {
    Arrays.fill(VALUES, (byte) -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = 0; i < alphabet.length(); i++) {
      VALUES[alphabet.charAt(i)] = (byte) i;
    }
  }

  private Base64Url() {}

  static byte[] encode(byte[] bytes) {
    return ENCODER.encode(bytes);
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
