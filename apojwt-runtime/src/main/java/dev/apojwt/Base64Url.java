package dev.apojwt;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Strict base64url (RFC 4648 section 5, no padding) as JWS requires. {@link java.util.Base64}
 * accepts non-canonical encodings (non-zero unused bits in the last character), so that two
 * different strings would decode to the same bytes; this decoder refuses them.
 *
 * <p>Both directions work in place on arrays (the token's bytes as they are scanned, the token
 * being written) and are table-driven: decoding looks up each character's value already shifted
 * into place, encoding writes two characters per lookup.
 */
final class Base64Url {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  /** The character of each 6-bit value. */
  private static final byte[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
          .getBytes(StandardCharsets.US_ASCII);

  /** What {@link #classOf} says of a byte that is not in the alphabet. */
  static final int NOT_ALPHABET = -1;

  /** What {@link #classOf} says of the separator between a compact token's parts. */
  static final int DOT = -2;

  /**
   * The 6-bit value of each byte (indexed by {@code b & 0xff}); {@link #DOT} for '.', {@link
   * #NOT_ALPHABET} for the rest.
   */
  private static final byte[] VALUES = new byte[256];

  /**
   * The value of each byte shifted to its place among the 24 bits of a group of four: {@code
   * SHIFTED_k} for the k-th character. Bytes outside the alphabet are negative in every table, so
   * one sign test refuses a whole group. (Four constant tables rather than an array of them: the
   * compiler then loads none of them per character.)
   */
  private static final int[] SHIFTED_0 = new int[256];

  private static final int[] SHIFTED_1 = new int[256];
  private static final int[] SHIFTED_2 = new int[256];
  private static final int[] SHIFTED_3 = new int[256];

  /** The two characters of each 12-bit value, as a little-endian pair of bytes. */
  private static final short[] PAIRS = new short[1 << 12];

  private static final VarHandle SHORTS =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

  static {
    Arrays.fill(VALUES, (byte) NOT_ALPHABET);
    VALUES['.'] = DOT;
    int[][] shifted = {SHIFTED_0, SHIFTED_1, SHIFTED_2, SHIFTED_3};
    for (int k = 0; k < 4; k++) {
      Arrays.fill(shifted[k], Integer.MIN_VALUE);
    }
    for (int i = 0; i < ALPHABET.length; i++) {
      VALUES[ALPHABET[i]] = (byte) i;
      for (int k = 0; k < 4; k++) {
        shifted[k][ALPHABET[i]] = i << (18 - 6 * k);
      }
    }
    for (int i = 0; i < PAIRS.length; i++) {
      PAIRS[i] = (short) ((ALPHABET[i >>> 6] & 0xff) | (ALPHABET[i & 0x3f] & 0xff) << 8);
    }
  }

  private Base64Url() {}

  /**
   * The 6-bit value of {@code b} when it is a base64url character, else {@link #DOT} or {@link
   * #NOT_ALPHABET}: the scan of a token classifies each byte with one lookup.
   */
  static int classOf(byte b) {
    return VALUES[b & 0xff];
  }

  /** The length of the unpadded base64url encoding of {@code n} bytes. */
  static int encodedLength(int n) {
    return n / 3 * 4 + (n % 3 == 0 ? 0 : n % 3 + 1);
  }

  /**
   * Encodes {@code src[0, length)} into {@code dst} from index {@code at}, which must leave {@link
   * #encodedLength} bytes of room; returns the index after the last byte written.
   */
  static int encode(byte[] src, int length, byte[] dst, int at) {
    int o = at;
    int i = 0;
    for (int full = length - length % 3; i < full; i += 3, o += 4) {
      int bits = (src[i] & 0xff) << 16 | (src[i + 1] & 0xff) << 8 | (src[i + 2] & 0xff);
      SHORTS.set(dst, o, PAIRS[bits >>> 12]);
      SHORTS.set(dst, o + 2, PAIRS[bits & 0xfff]);
    }
    int tail = length - i;
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
    int refused = 0;
    for (int fullEnd = to - tail; i < fullEnd; i += 4, o += 3) {
      int bits =
          SHIFTED_0[src[i] & 0xff]
              | SHIFTED_1[src[i + 1] & 0xff]
              | SHIFTED_2[src[i + 2] & 0xff]
              | SHIFTED_3[src[i + 3] & 0xff];
      refused |= bits;
      out[o] = (byte) (bits >> 16);
      out[o + 1] = (byte) (bits >> 8);
      out[o + 2] = (byte) bits;
    }
    if (tail == 2) {
      int bits = SHIFTED_0[src[i] & 0xff] | SHIFTED_1[src[i + 1] & 0xff];
      refused |= bits | -(bits & 0xf000); // the last character's low four bits must be 0
      out[o] = (byte) (bits >> 16);
    } else if (tail == 3) {
      int bits =
          SHIFTED_0[src[i] & 0xff] | SHIFTED_1[src[i + 1] & 0xff] | SHIFTED_2[src[i + 2] & 0xff];
      refused |= bits | -(bits & 0xc0); // the last character's low two bits must be 0
      out[o] = (byte) (bits >> 16);
      out[o + 1] = (byte) (bits >> 8);
    }
    return refused < 0 ? null : out;
  }
}
