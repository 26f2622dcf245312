package dev.apojwt;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link ApoJwt} does with sessions configured: starts them, rotates their refresh tokens,
 * ends them. The state is the {@link SessionStore}'s; this class decides the ids and the times and
 * writes the tokens. Immutable.
 *
 * <p>Times: a session ends {@code sessionLifetime} after it starts, and no token of it (access or
 * refresh) ever expires later: rotation never extends a session. The store keeps a session until
 * its end plus the leeway, the last moment one of its tokens can still pass.
 */
final class Sessions {
  private final SessionStore store;
  private final TokenWriter accessWriter;
  private final TokenWriter refreshWriter;
  private final Clock clock;
  private final long leewaySeconds;
  private final long lifetimeSeconds;
  private final long accessLifetimeSeconds;
  private final long graceSeconds;

  Sessions(
      SessionStore store,
      TokenWriter accessWriter,
      TokenWriter refreshWriter,
      Clock clock,
      long leewaySeconds,
      long lifetimeSeconds,
      long accessLifetimeSeconds,
      long graceSeconds) {
    this.store = store;
    this.accessWriter = accessWriter;
    this.refreshWriter = refreshWriter;
    this.clock = clock;
    this.leewaySeconds = leewaySeconds;
    this.lifetimeSeconds = lifetimeSeconds;
    this.accessLifetimeSeconds = accessLifetimeSeconds;
    this.graceSeconds = graceSeconds;
  }

  /** A new session and its first pair of tokens, both carrying the session's id. */
  TokenPair start(
      String subject,
      Collection<String> permissions,
      Map<String, ?> data,
      Map<String, ?> refreshData) {
    String sid = TokenIds.next();
    String refreshId = TokenIds.next();
    long now = now();
    long end = now + lifetimeSeconds;
    // The tokens first: data that cannot be written refuses the call before the store is touched.
    TokenPair pair = write(subject, permissions, data, refreshData, sid, refreshId, end);
    try {
      store.create(sid, subject, refreshId, end + leewaySeconds, now);
    } catch (RuntimeException e) {
      throw unavailable(e);
    }
    return pair;
  }

  /** The next pair of the presented token's session; see {@link ApoJwt#rotate}. */
  TokenPair rotate(
      VerifiedRefresh presented,
      String subject,
      Collection<String> permissions,
      Map<String, ?> data,
      Map<String, ?> refreshData) {
    Objects.requireNonNull(presented, "presented refresh token");
    String sid = presented.sessionId();
    if (sid == null || !SessionCheck.isId(sid) || !SessionCheck.isId(presented.id())) {
      throw Failures.revoked("refresh token belongs to no session");
    }
    if (!Objects.equals(subject, presented.subject())) {
      throw new IllegalArgumentException(
          "rotate keeps the session's subject: pass the presented token's subject(), or start a"
              + " new session with createTokens");
    }
    long now = now();
    if (presented.expiresAt().getEpochSecond() <= now - leewaySeconds) {
      throw Failures.expired();
    }
    // Refuse bad data before the store rotates: else the client would lose its session.
    accessWriter.check(subject, permissions, data);
    refreshWriter.check(subject, null, refreshData);
    SessionStore.Rotation rotation;
    try {
      rotation = store.rotate(sid, presented.id(), TokenIds.next(), graceSeconds, now);
    } catch (RuntimeException e) {
      throw unavailable(e);
    }
    switch (rotation.outcome()) {
      case ROTATED:
      case GRACE:
        long end = rotation.expiresAt() - leewaySeconds;
        if (end <= now) {
          throw Failures.revoked("the refresh token's session has reached its end");
        }
        return write(subject, permissions, data, refreshData, sid, rotation.currentId(), end);
      case REUSED:
        throw Failures.reused(
            "a rotated refresh token was presented again: its session is revoked");
      default:
        throw Failures.revoked("the refresh token's session has ended");
    }
  }

  /** Ends the presented token's session (nothing to do for a token without one). */
  void logout(VerifiedRefresh presented) {
    Objects.requireNonNull(presented, "presented refresh token");
    String sid = presented.sessionId();
    if (sid != null && SessionCheck.isId(sid)) {
      revokeSession(sid);
    }
  }

  void revokeSession(String sid) {
    if (!SessionCheck.isId(sid)) {
      throw new IllegalArgumentException(
          "not a session id: apojwt's are 22 base64url characters (VerifiedToken.sessionId())");
    }
    try {
      store.revokeSession(sid, now());
    } catch (RuntimeException e) {
      throw unavailable(e);
    }
  }

  /**
   * Ends every session of {@code subject}, and revokes its access tokens issued so far: those whose
   * {@code iat} (whole seconds) is at or before the current second, so also one issued later within
   * the same second. The cutoff is kept until every token it covers has expired.
   */
  void revokeSubject(String subject) {
    if (subject == null) {
      throw new IllegalArgumentException("subject must not be null");
    }
    long now = now();
    long keepUntil = now + accessLifetimeSeconds + leewaySeconds + 1;
    try {
      store.revokeSubject(subject, now, keepUntil, now);
    } catch (RuntimeException e) {
      throw unavailable(e);
    }
  }

  private TokenPair write(
      String subject,
      Collection<String> permissions,
      Map<String, ?> data,
      Map<String, ?> refreshData,
      String sid,
      String refreshId,
      long end) {
    String access = accessWriter.write(subject, permissions, data, sid, null, end);
    String refresh = refreshWriter.write(subject, null, refreshData, sid, refreshId, end);
    return new TokenPair(access, refresh);
  }

  private long now() {
    return Math.floorDiv(clock.millis(), 1000L);
  }

  /** The store could not answer: a 503, with the store's exception kept for logs. */
  private static ApoJwtException unavailable(RuntimeException e) {
    if (e instanceof ApoJwtException) {
      return (ApoJwtException) e;
    }
    return Failures.storeFailed(e);
  }
}
