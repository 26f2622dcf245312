package dev.apojwt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Tokens already verified ({@code Builder.verifiedCache}), keyed by the whole token: a token seen
 * again skips the scan, the header, the signature and the parse of its claims. Never the {@link
 * PerCallChecks}, which the verifier runs on every hit. Bounded in size (Caffeine's W-TinyLFU
 * eviction); each entry expires when its token does ({@code exp} plus the leeway), measured on the
 * configured clock; an entry whose key leaves the key set is dropped ({@link #keepOnly}).
 *
 * @param <T> what verification returns (the {@link VerifiedToken}), kept so a hit returns it as it
 *     is
 */
final class VerifiedCache<T> {
  /** One verified token. */
  static final class Entry<T> {
    final Claims claims;
    final T result;

    /** The key that verified the signature. */
    final JwsKey key;

    Entry(Claims claims, T result, JwsKey key) {
      this.claims = claims;
      this.result = result;
      this.key = key;
    }
  }

  /** The longest an entry can be given to live; tokens may claim up to 9999-12-31. */
  private static final long MAX_LIFETIME_MILLIS = TimeUnit.DAYS.toMillis(36_500);

  private final Cache<String, Entry<T>> cache;

  VerifiedCache(int maxTokens, Clock clock, long leewaySeconds) {
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(maxTokens)
            // The configured clock: expiry follows the same time as the checks.
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
            .expireAfter(new UntilTokenExpiry<T>(leewaySeconds))
            // Maintenance on the calling threads: no work handed to the common pool.
            .executor(Runnable::run)
            .build();
  }

  /** The entry of {@code token}, or null. */
  Entry<T> get(String token) {
    return cache.getIfPresent(token);
  }

  void put(String token, Entry<T> entry) {
    cache.put(token, entry);
  }

  void remove(String token) {
    cache.invalidate(token);
  }

  /** Drops every entry whose key {@code keys} no longer holds. */
  void keepOnly(KeySource keys) {
    cache.asMap().values().removeIf(entry -> !keys.holds(entry.key));
  }

  long size() {
    cache.cleanUp();
    return cache.estimatedSize();
  }

  /** Each entry lives until its token expires: {@code exp + leeway}, the instant it is refused. */
  private static final class UntilTokenExpiry<T> implements Expiry<String, Entry<T>> {
    private final long leewaySeconds;

    UntilTokenExpiry(long leewaySeconds) {
      this.leewaySeconds = leewaySeconds;
    }

    @Override
    public long expireAfterCreate(String token, Entry<T> entry, long currentTime) {
      long untilMillis = TimeUnit.SECONDS.toMillis(entry.claims.exp + leewaySeconds);
      long left = untilMillis - TimeUnit.NANOSECONDS.toMillis(currentTime);
      return TimeUnit.MILLISECONDS.toNanos(Math.max(0, Math.min(left, MAX_LIFETIME_MILLIS)));
    }

    @Override
    public long expireAfterUpdate(
        String token, Entry<T> entry, long currentTime, long currentDuration) {
      return expireAfterCreate(token, entry, currentTime);
    }

    @Override
    public long expireAfterRead(
        String token, Entry<T> entry, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }
}
