package dev.apojwt.sample.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * Makes refresh-token rotation mean something. Tokens are stateless, so without this a stolen
 * refresh token would stay usable for its whole lifetime even after the owner refreshed or logged
 * out. Each login opens a session (an id carried in the refresh token's data); every refresh token
 * may be used once. Presenting one that was already used revokes its whole session (OAuth 2.0
 * Security BCP, refresh token reuse detection), and logout revokes the session too.
 *
 * <p>Memory stays bounded: a used token is remembered only until it expires, a revoked session only
 * until every refresh token it could have issued has expired. In memory, so one instance: several
 * instances would share this state in a database. Thread-safe.
 */
public final class RefreshSessions {
  private final Clock clock;
  private final Duration refreshTtl;
  private final SecureRandom random = new SecureRandom();

  /** Used refresh token ids -> when the token expires. */
  private final Map<String, Instant> usedTokens = new HashMap<>();

  /** Revoked session ids -> until when to remember them. */
  private final Map<String, Instant> revokedSessions = new HashMap<>();

  public RefreshSessions(Clock clock, Duration refreshTtl) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.refreshTtl = Objects.requireNonNull(refreshTtl, "refreshTtl");
  }

  /** A new session id for a login (128 random bits, base64url). */
  public String open() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** What {@link #use} decided. */
  public enum Outcome {
    /** First use of a token of a live session: issue the next pair. */
    ROTATED,
    /** The token was used before: its session is now revoked. */
    REUSED,
    /** The session was revoked (logout, or reuse detected earlier). */
    REVOKED
  }

  /**
   * Records that the refresh token {@code tokenId} (valid until {@code expiresAt}) of session
   * {@code sessionId} is being used to get new tokens.
   */
  public synchronized Outcome use(String sessionId, String tokenId, Instant expiresAt) {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(tokenId, "tokenId");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Instant now = clock.instant();
    purge(now);
    if (revokedSessions.containsKey(sessionId)) {
      return Outcome.REVOKED;
    }
    if (usedTokens.putIfAbsent(tokenId, expiresAt) != null) {
      revokedSessions.put(sessionId, now.plus(refreshTtl));
      return Outcome.REUSED;
    }
    return Outcome.ROTATED;
  }

  /** Ends session {@code sessionId}: none of its refresh tokens works any more. */
  public synchronized void revoke(String sessionId) {
    Instant now = clock.instant();
    purge(now);
    revokedSessions.put(Objects.requireNonNull(sessionId, "sessionId"), now.plus(refreshTtl));
  }

  /** Whether session {@code sessionId} has been revoked. */
  public synchronized boolean isRevoked(String sessionId) {
    purge(clock.instant());
    return revokedSessions.containsKey(sessionId);
  }

  /** How many token ids and session ids are remembered (for tests and monitoring). */
  public synchronized int remembered() {
    purge(clock.instant());
    return usedTokens.size() + revokedSessions.size();
  }

  private void purge(Instant now) {
    for (Iterator<Instant> it = usedTokens.values().iterator(); it.hasNext(); ) {
      if (!it.next().isAfter(now)) {
        it.remove();
      }
    }
    for (Iterator<Instant> it = revokedSessions.values().iterator(); it.hasNext(); ) {
      if (!it.next().isAfter(now)) {
        it.remove();
      }
    }
  }
}
