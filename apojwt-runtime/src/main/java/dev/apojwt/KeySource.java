package dev.apojwt;

/**
 * Where the signature stage of verification gets its key: the configured keys ({@link
 * #of(KeySet)}), or a key set fetched from a JWKS URI ({@link RemoteKeySet}).
 */
interface KeySource {
  /**
   * The key that must have made the signature of a token with this header.
   *
   * @throws ApoJwtException BAD_SIGNATURE for a {@code kid} that names no key (never a fallback to
   *     another key), UNAVAILABLE when there is no key set to check it with, or what {@link
   *     KeySet#find} throws
   */
  JwsKey select(JwsHeader header);

  /** Whether {@code key} is still one of this source's keys. */
  boolean holds(JwsKey key);

  /** The keys in use now. */
  KeySet current();

  /** Tells {@code listener} of every change of the key set, after it took effect. */
  void onChange(Runnable listener);

  /** The configured keys, which never change. */
  static KeySource of(KeySet keys) {
    return new KeySource() {
      @Override
      public JwsKey select(JwsHeader header) {
        JwsKey key = keys.find(header);
        if (key == null) {
          throw Failures.badSignature("header 'kid' names no configured key");
        }
        return key;
      }

      @Override
      public boolean holds(JwsKey key) {
        return true; // nothing ever leaves
      }

      @Override
      public KeySet current() {
        return keys;
      }

      @Override
      public void onChange(Runnable listener) {}
    };
  }
}
