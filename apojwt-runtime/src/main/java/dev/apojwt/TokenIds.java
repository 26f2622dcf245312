package dev.apojwt;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Random token ids ({@code jti}): 128 bits from a per-thread {@link SecureRandom} (no lock shared
 * between requests), base64url. Each thread draws random bytes for {@link #BATCH} ids at once: a
 * DRBG's cost is mostly per call, not per byte.
 */
final class TokenIds {
  private static final int ID_BYTES = 16;
  private static final int BATCH = 16;

  private static final ThreadLocal<TokenIds> PER_THREAD = ThreadLocal.withInitial(TokenIds::new);

  private final SecureRandom random = newRandom();
  private final byte[] pool = new byte[ID_BYTES * BATCH];
  private int next = pool.length;

  private TokenIds() {}

  private static SecureRandom newRandom() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }

  /** A new id: unique with overwhelming probability (RFC 7519 4.1.7), and unguessable. */
  static String next() {
    return PER_THREAD.get().take();
  }

  private String take() {
    if (next == pool.length) {
      random.nextBytes(pool);
      next = 0;
    }
    byte[] id = new byte[ID_BYTES];
    System.arraycopy(pool, next, id, 0, ID_BYTES);
    next += ID_BYTES;
    return Base64Url.encodeToString(id);
  }
}
