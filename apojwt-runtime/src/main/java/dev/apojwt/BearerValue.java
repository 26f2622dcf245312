package dev.apojwt;

/**
 * Where the token lies in a value that is either a bare token or an {@code Authorization} header
 * value: surrounding whitespace and a {@code Bearer} scheme in any case (RFC 6750 section 2.1) are
 * skipped, not copied away, so the token is verified in place within the value.
 */
final class BearerValue {
  private static final String SCHEME = "Bearer";

  private BearerValue() {}

  /** The end of the token in {@code value} (null counts as empty): before trailing whitespace. */
  static int end(String value) {
    int end = value == null ? 0 : value.length();
    while (end > 0 && Character.isWhitespace(value.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  /**
   * The start of the token in {@code value[0, end)}: after leading whitespace and, when present,
   * the scheme {@code Bearer} followed by a space or tab (or by nothing) and any further
   * whitespace. Equal to {@code end} when there is no token.
   */
  static int start(String value, int end) {
    int start = skipWhitespace(value, 0, end);
    if (schemeAt(value, start, end)) {
      start = skipWhitespace(value, start + SCHEME.length(), end);
    }
    return start;
  }

  /**
   * Whether {@code value} is an {@code Authorization} header value of the {@code Bearer} scheme (in
   * any case, RFC 6750 section 2.1): the scheme, after any whitespace, followed by a space, a tab
   * or nothing.
   */
  static boolean hasBearerScheme(String value) {
    int end = end(value);
    return schemeAt(value, skipWhitespace(value, 0, end), end);
  }

  private static boolean schemeAt(String value, int start, int end) {
    int n = SCHEME.length();
    return end - start >= n
        && value.regionMatches(true, start, SCHEME, 0, n)
        && (end - start == n || value.charAt(start + n) == ' ' || value.charAt(start + n) == '\t');
  }

  private static int skipWhitespace(String value, int from, int end) {
    int i = from;
    while (i < end && Character.isWhitespace(value.charAt(i))) {
      i++;
    }
    return i;
  }
}
