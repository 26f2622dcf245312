package dev.apojwt;

/**
 * What a key id ({@code kid}) may look like, in the configuration, in a fetched key set and in a
 * token's header. A {@code kid} only ever chooses among keys this service knows; it is checked
 * before it is looked up, and never written into a message.
 */
final class KeyIds {
  /** Longer than any real one: RFC 7638 thumbprints are 43 characters, UUIDs 36. */
  static final int MAX_LENGTH = 128;

  private KeyIds() {}

  /**
   * Whether {@code kid} is 1 to {@link #MAX_LENGTH} characters of {@code [A-Za-z0-9._~+/=:-]}: the
   * URL-safe characters, and those of base64 (some providers' kids are standard base64) and of
   * dates and versions. No spaces, quotes, backslashes, control or non-ASCII characters.
   */
  static boolean valid(String kid) {
    int n = kid.length();
    if (n == 0 || n > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = kid.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '~'
              || c == '+'
              || c == '/'
              || c == '='
              || c == ':'
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code kid} when it is valid for the configuration.
   *
   * @throws IllegalArgumentException saying what a kid may be
   */
  static String configured(String kid, String what) {
    if (kid == null) {
      throw new IllegalArgumentException(what + " kid must not be null");
    }
    if (!valid(kid)) {
      throw new IllegalArgumentException(
          what + " kid must be 1 to " + MAX_LENGTH + " characters of A-Z a-z 0-9 . _ ~ + / = : -");
    }
    return kid;
  }
}
