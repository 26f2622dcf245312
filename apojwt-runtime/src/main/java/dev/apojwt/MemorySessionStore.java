package dev.apojwt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link SessionStore} in this process's memory: for a service that runs as one instance (several
 * instances need a shared store such as {@code RedisSessionStore}, or a session started on one
 * would be unknown to the others). Thread-safe; every operation is atomic and makes no I/O.
 *
 * <p>Bounded: at most {@code maxSessions} live sessions (Caffeine; when full, the least valuable
 * session is dropped, which ends it: its refresh token is refused, and its user logs in again).
 * Sessions expire at their end. Revocations are never dropped early: each is kept until every token
 * it covers has expired, and their number is bounded by the sessions ended within one session
 * lifetime.
 */
public final class MemorySessionStore implements SessionStore {
  /** The default bound on live sessions (a few hundred bytes each). */
  public static final int DEFAULT_MAX_SESSIONS = 100_000;

  private final Cache<String, Session> sessions;
  private final RevocationList revocations = new RevocationList();
  private final AtomicLong lastPrune = new AtomicLong(Long.MIN_VALUE);

  /** A store of at most {@link #DEFAULT_MAX_SESSIONS} live sessions. */
  public MemorySessionStore() {
    this(DEFAULT_MAX_SESSIONS);
  }

  /** A store of at most {@code maxSessions} live sessions. */
  public MemorySessionStore(int maxSessions) {
    if (maxSessions < 1) {
      throw new IllegalArgumentException("maxSessions must be at least 1; got " + maxSessions);
    }
    this.sessions =
        Caffeine.newBuilder().maximumSize(maxSessions).expireAfter(new UntilEnd()).build();
  }

  /** One session: whose it is, its current and previous refresh-token ids, and its end. */
  private static final class Session {
    final String subject;
    final String current;
    final String previous;
    final long rotatedAt;
    final long expiresAt;

    /** How long the entry lives, from when it is written (for Caffeine's expiry). */
    final long lifetimeNanos;

    Session(
        String subject,
        String current,
        String previous,
        long rotatedAt,
        long expiresAt,
        long lifetimeNanos) {
      this.subject = subject;
      this.current = current;
      this.previous = previous;
      this.rotatedAt = rotatedAt;
      this.expiresAt = expiresAt;
      this.lifetimeNanos = lifetimeNanos;
    }
  }

  /** A session lives until its end; rotation never extends it. */
  private static final class UntilEnd implements Expiry<String, Session> {
    @Override
    public long expireAfterCreate(String sid, Session session, long currentTime) {
      return session.lifetimeNanos;
    }

    @Override
    public long expireAfterUpdate(
        String sid, Session session, long currentTime, long currentDuration) {
      return currentDuration;
    }

    @Override
    public long expireAfterRead(
        String sid, Session session, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }

  @Override
  public void create(String sid, String subject, String refreshId, long expiresAt, long now) {
    pruneRevocations(now);
    long lifetime = TimeUnit.SECONDS.toNanos(Math.max(0, expiresAt - now));
    sessions.put(sid, new Session(subject, refreshId, null, now, expiresAt, lifetime));
  }

  @Override
  public Rotation rotate(
      String sid, String presentedId, String nextId, long graceSeconds, long now) {
    Rotation[] answer = {Rotation.ended()};
    sessions
        .asMap()
        .compute(
            sid,
            (id, session) -> {
              if (session == null || session.expiresAt <= now) {
                return null;
              }
              if (session.current.equals(presentedId)) {
                answer[0] = Rotation.rotated(nextId, session.expiresAt);
                return new Session(
                    session.subject,
                    nextId,
                    presentedId,
                    now,
                    session.expiresAt,
                    session.lifetimeNanos);
              }
              if (presentedId.equals(session.previous)) {
                if (session.current.equals(nextId)) {
                  answer[0] = Rotation.rotated(nextId, session.expiresAt); // the same call again
                  return session;
                }
                if (now - session.rotatedAt < graceSeconds) {
                  answer[0] = Rotation.grace(session.current, session.expiresAt);
                  return session;
                }
              }
              // A token of this session that was rotated before: revoke it all (RFC 9700 4.14.2).
              revocations.revokeSession(sid, session.expiresAt);
              answer[0] = Rotation.reused();
              return null;
            });
    return answer[0];
  }

  @Override
  public void revokeSession(String sid, long now) {
    pruneRevocations(now);
    sessions
        .asMap()
        .computeIfPresent(
            sid,
            (id, session) -> {
              revocations.revokeSession(sid, session.expiresAt);
              return null;
            });
  }

  @Override
  public void revokeSubject(String subject, long issuedAtOrBefore, long keepUntil, long now) {
    pruneRevocations(now);
    // The cutoff first: from here on, every token of the subject issued so far is refused, also
    // one of a session created while the sessions below are ended.
    revocations.revokeSubject(subject, issuedAtOrBefore, keepUntil);
    for (String sid : sessions.asMap().keySet()) {
      sessions
          .asMap()
          .computeIfPresent(
              sid,
              (id, session) -> {
                if (!session.subject.equals(subject)) {
                  return session;
                }
                revocations.revokeSession(sid, session.expiresAt);
                return null;
              });
    }
  }

  @Override
  public Status revocationStatus(String sid, String subject, long issuedAt) {
    return revocations.isRevoked(sid, subject, issuedAt) ? Status.REVOKED : Status.VALID;
  }

  /** How many sessions are live (for monitoring and tests; may count some just expired). */
  public long sessionCount() {
    sessions.cleanUp();
    return sessions.estimatedSize();
  }

  /** How many revocations are kept (for monitoring and tests). */
  public int revocationCount() {
    return revocations.size();
  }

  /** At most once per second, forgets the revocations that can no longer matter. */
  private void pruneRevocations(long now) {
    long last = lastPrune.get();
    if (now != last && lastPrune.compareAndSet(last, now)) {
      revocations.prune(now);
    }
  }

  @Override
  public String toString() {
    return "MemorySessionStore[sessions=" + sessions.estimatedSize() + "]";
  }
}
