package dev.apojwt;

import java.util.Objects;

/**
 * Where the sessions of {@link ApoJwt.Builder#sessions(SessionStore)} live: the state behind
 * refresh-token rotation with reuse detection and revocation (RFC 9700 section 4.14.2). apojwt
 * ships {@link MemorySessionStore} (one process) and {@code dev.apojwt.redis.RedisSessionStore}
 * (every instance of a service on one Redis).
 *
 * <p><b>For implementers.</b> {@link ApoJwt} calls these methods; applications call {@link
 * ApoJwt#createTokens}, {@link ApoJwt#rotate}, {@link ApoJwt#logout}, {@link ApoJwt#revokeSession}
 * and {@link ApoJwt#revokeSubject} instead. A store must be thread-safe, and:
 *
 * <ul>
 *   <li>each method that changes state is atomic: above all {@link #rotate}, which many threads and
 *       instances may call at once for the same session, and of which exactly one may win;
 *   <li>times are epoch seconds of the {@link ApoJwt}'s clock, passed in as {@code now}; a store
 *       keeps nothing longer than it can matter (a session until its {@code expiresAt}, a
 *       revocation until its {@code keepUntil}) and never forgets a revocation earlier;
 *   <li>{@link #revocationStatus} answers from memory, without I/O: it runs on every verified
 *       token. A distributed store keeps a local mirror of the revocations and says {@link
 *       Status#UNAVAILABLE} when that mirror can no longer be trusted; {@link RevocationList} is a
 *       ready-made mirror;
 *   <li>a method that cannot reach the store's backend throws a {@link RuntimeException} (after a
 *       bounded wait, never forever): apojwt turns it into a 503 {@link
 *       AuthFailure.Reason#UNAVAILABLE} and never into an accepted token.
 * </ul>
 *
 * Session ids ({@code sid}) and refresh-token ids ({@code jti}) are 22 base64url characters made by
 * apojwt; subjects are any string.
 */
public interface SessionStore extends AutoCloseable {

  /**
   * Starts session {@code sid} of {@code subject} whose current refresh token is {@code refreshId}.
   * Nothing of the session matters after {@code expiresAt} (the session's end plus the leeway): its
   * records may expire then.
   */
  void create(String sid, String subject, String refreshId, long expiresAt, long now);

  /**
   * Atomically exchanges the session's current refresh token for the next one: if {@code
   * presentedId} is the current refresh token of live session {@code sid}, {@code nextId} becomes
   * current and the answer is {@link Rotation#rotated}. Otherwise:
   *
   * <ul>
   *   <li>the same call repeated (a client library resending it after a lost connection: {@code
   *       presentedId} is the previous token and {@code nextId} already current) answers {@link
   *       Rotation#rotated} again, changing nothing;
   *   <li>{@code presentedId} is the immediate predecessor of the current token, rotated less than
   *       {@code graceSeconds} ago: {@link Rotation#grace} with the current id, changing nothing
   *       (so a retry gets the same successor, never a second one);
   *   <li>any other token of a live session was already rotated: the session is revoked as by
   *       {@link #revokeSession}, and the answer is {@link Rotation#reused};
   *   <li>no live session {@code sid} (never made, expired, revoked, or lost): {@link
   *       Rotation#ended}.
   * </ul>
   */
  Rotation rotate(String sid, String presentedId, String nextId, long graceSeconds, long now);

  /**
   * Ends session {@code sid}: its refresh tokens can no longer be rotated, and {@link
   * #revocationStatus} says {@link Status#REVOKED} for its tokens until the session's {@code
   * expiresAt}. Does nothing when there is no such live session.
   */
  void revokeSession(String sid, long now);

  /**
   * Ends every session of {@code subject} (as {@link #revokeSession}) and revokes the subject's
   * tokens issued at or before {@code issuedAtOrBefore} ({@code iat}, epoch seconds), session or
   * not; that revocation is kept until {@code keepUntil}, when every such token has expired.
   */
  void revokeSubject(String subject, long issuedAtOrBefore, long keepUntil, long now);

  /**
   * Whether a verified token of session {@code sid} (null for a token without one) and {@code
   * subject} (null when it has none), issued at {@code issuedAt} (epoch seconds, or {@link
   * Long#MIN_VALUE} when it does not say), has been revoked. Runs for every verified token: answers
   * from memory, never blocks, never throws.
   */
  Status revocationStatus(String sid, String subject, long issuedAt);

  /** Releases the store's connections and threads. Does nothing by default. */
  @Override
  default void close() {}

  /** What {@link #revocationStatus} found. */
  enum Status {
    /** Not revoked, as far as a current view of the revocations says. */
    VALID,
    /** Revoked: the token's session was ended, or its subject's tokens revoked. */
    REVOKED,
    /** The store's view of the revocations is too old to be trusted (its backend unreachable). */
    UNAVAILABLE
  }

  /** The answer of {@link #rotate}. Immutable. */
  final class Rotation {
    /** What became of the presented refresh token. */
    public enum Outcome {
      /** It was current; the next one now is. */
      ROTATED,
      /** It was current until moments ago: its successor is {@link #currentId()}. */
      GRACE,
      /** It had already been rotated: the session is now revoked. */
      REUSED,
      /** The session does not exist (any more). */
      ENDED
    }

    private static final Rotation REUSED = new Rotation(Outcome.REUSED, null, 0);
    private static final Rotation ENDED = new Rotation(Outcome.ENDED, null, 0);

    private final Outcome outcome;
    private final String currentId;
    private final long expiresAt;

    private Rotation(Outcome outcome, String currentId, long expiresAt) {
      this.outcome = outcome;
      this.currentId = currentId;
      this.expiresAt = expiresAt;
    }

    /** The presented token was current; {@code nextId} now is. */
    public static Rotation rotated(String nextId, long expiresAt) {
      return new Rotation(Outcome.ROTATED, Objects.requireNonNull(nextId, "nextId"), expiresAt);
    }

    /** The presented token is the immediate predecessor, within the grace window. */
    public static Rotation grace(String currentId, long expiresAt) {
      return new Rotation(Outcome.GRACE, Objects.requireNonNull(currentId, "currentId"), expiresAt);
    }

    /** The presented token had been rotated already; the session has been revoked. */
    public static Rotation reused() {
      return REUSED;
    }

    /** There is no such live session. */
    public static Rotation ended() {
      return ENDED;
    }

    public Outcome outcome() {
      return outcome;
    }

    /** The id the session's new refresh token carries (ROTATED, GRACE); else null. */
    public String currentId() {
      return currentId;
    }

    /** The session's {@code expiresAt}, as given to {@link #create} (ROTATED, GRACE); else 0. */
    public long expiresAt() {
      return expiresAt;
    }

    @Override
    public String toString() {
      return "Rotation[" + outcome + (currentId == null ? "" : ", expiresAt=" + expiresAt) + "]";
    }
  }
}
