package dev.apojwt;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A token in JWS compact serialization ({@code header.payload.signature}, RFC 7515 section 7.1),
 * located in place: the bytes of its source and where its parts begin and end. Made by {@link
 * #scan}, which checks the shape and charset before anything is decoded.
 */
final class CompactToken {
  /**
   * Longest encoded header parsed. Headers are unauthenticated until the signature is checked, so
   * their parse must stay cheap; real ones are well under 200 characters.
   */
  static final int MAX_HEADER_LENGTH = 1024;

  /**
   * Around the token, a source may hold this much more (a scheme, spaces) and is still copied
   * whole.
   */
  private static final int SOURCE_SLACK = 64;

  /** The source's characters as bytes; the token lies in {@code [start, end)}. */
  final byte[] bytes;

  final int start;
  final int firstDot;
  final int secondDot;
  final int end;

  private CompactToken(byte[] bytes, int start, int firstDot, int secondDot, int end) {
    this.bytes = bytes;
    this.start = start;
    this.firstDot = firstDot;
    this.secondDot = secondDot;
    this.end = end;
  }

  /**
   * Scans {@code source[from, to)}: present, at most {@code maxLength} characters, only {@code
   * [A-Za-z0-9_-.]}, exactly three parts with a non-empty header and payload, a header of at most
   * {@link #MAX_HEADER_LENGTH} characters. Guards pass the whole header value with its scheme and
   * whitespace still around the token, which spares a copy per call.
   */
  static CompactToken scan(String source, int from, int to, int maxLength, TokenKind kind) {
    int length = to - from;
    if (source == null || length == 0 || source.isBlank()) {
      throw Failures.missing(kind, "no token given");
    }
    if (length > maxLength) {
      throw Failures.malformed("token is longer than the configured maximum");
    }
    // Characters beyond Latin-1 become '?', which the scan below refuses.
    byte[] bytes;
    int start;
    if (source.length() - length <= SOURCE_SLACK) {
      bytes = source.getBytes(StandardCharsets.ISO_8859_1);
      start = from;
    } else {
      bytes = source.substring(from, to).getBytes(StandardCharsets.ISO_8859_1);
      start = 0;
    }
    int end = start + length;
    // Each part up to the byte that ends it, one table lookup per byte; then what that byte is.
    int headerLimit = Math.min(end, start + MAX_HEADER_LENGTH);
    int firstDot = alphabetUntil(bytes, start, headerLimit);
    if (firstDot == headerLimit && firstDot < end && Base64Url.classOf(bytes[firstDot]) >= 0) {
      throw Failures.malformed("header is longer than " + MAX_HEADER_LENGTH + " characters");
    }
    separator(bytes, firstDot, end, "token does not have three parts");
    int secondDot = alphabetUntil(bytes, firstDot + 1, end);
    separator(bytes, secondDot, end, "token does not have three parts");
    int last = alphabetUntil(bytes, secondDot + 1, end);
    if (last < end) {
      separator(bytes, last, end, null);
      throw Failures.malformed("token has more than three parts");
    }
    if (firstDot == start || secondDot == firstDot + 1) {
      throw Failures.malformed("token has an empty header or payload");
    }
    return new CompactToken(bytes, start, firstDot, secondDot, end);
  }

  /** The index of the first byte in {@code bytes[from, to)} outside the alphabet, or {@code to}. */
  private static int alphabetUntil(byte[] bytes, int from, int to) {
    int i = from;
    while (i < to && Base64Url.classOf(bytes[i]) >= 0) {
      i++;
    }
    return i;
  }

  /**
   * Refuses the token unless {@code bytes[at]} (where the scan of a part stopped) is a dot: at the
   * end of the token the part is missing, else the byte is outside the charset.
   */
  private static void separator(byte[] bytes, int at, int end, String missing) {
    if (at == end) {
      throw Failures.malformed(missing);
    }
    if (Base64Url.classOf(bytes[at]) != Base64Url.DOT) {
      throw Failures.malformed("token has a character outside [A-Za-z0-9_-.]");
    }
  }

  /** Whether the encoded header is exactly {@code encoded} (ASCII). */
  boolean headerIs(byte[] encoded) {
    return Arrays.equals(bytes, start, firstDot, encoded, 0, encoded.length);
  }

  /** The length of the signing input, {@code header.payload} (RFC 7515 section 5.2). */
  int signingInputLength() {
    return secondDot - start;
  }

  byte[] header() {
    return decode(start, firstDot, "header");
  }

  byte[] payload() {
    return decode(firstDot + 1, secondDot, "payload");
  }

  byte[] signature() {
    return decode(secondDot + 1, end, "signature");
  }

  private byte[] decode(int from, int to, String part) {
    byte[] decoded = Base64Url.decode(bytes, from, to);
    if (decoded == null) {
      throw Failures.malformed(part + " is not canonical base64url");
    }
    return decoded;
  }
}
