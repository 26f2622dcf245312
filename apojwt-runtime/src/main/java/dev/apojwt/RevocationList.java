package dev.apojwt;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The revocations a {@link SessionStore} answers {@link SessionStore#revocationStatus} from: ended
 * sessions and revoked subjects, each kept until a given time. Made for store implementers: {@link
 * MemorySessionStore} keeps its revocations here, {@code RedisSessionStore} its local mirror.
 * Thread-safe; a lookup is one or two hash-map reads and never blocks.
 *
 * <p>Adding is a merge: an entry only ever grows (a later {@code keepUntil}, a later cutoff), so
 * entries may arrive twice, late, or out of order without losing anything. Only {@link #prune}
 * removes entries, and only those whose time has passed.
 */
public final class RevocationList {
  /** Ended sessions: sid -> keep until (epoch seconds). */
  private final ConcurrentHashMap<String, Long> sessions = new ConcurrentHashMap<>();

  /** Revoked subjects: subject -> the cutoff and until when to keep it. */
  private final ConcurrentHashMap<String, SubjectCutoff> subjects = new ConcurrentHashMap<>();

  /**
   * A subject's revocation: its tokens issued at or before {@code issuedAtOrBefore} are revoked.
   */
  public static final class SubjectCutoff {
    private final long issuedAtOrBefore;
    private final long keepUntil;

    public SubjectCutoff(long issuedAtOrBefore, long keepUntil) {
      this.issuedAtOrBefore = issuedAtOrBefore;
      this.keepUntil = keepUntil;
    }

    /** Tokens of the subject with an {@code iat} at or before this (epoch seconds) are revoked. */
    public long issuedAtOrBefore() {
      return issuedAtOrBefore;
    }

    /** Until when the cutoff matters (epoch seconds): then every token it covers has expired. */
    public long keepUntil() {
      return keepUntil;
    }

    SubjectCutoff merge(SubjectCutoff other) {
      return new SubjectCutoff(
          Math.max(issuedAtOrBefore, other.issuedAtOrBefore), Math.max(keepUntil, other.keepUntil));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof SubjectCutoff
          && ((SubjectCutoff) o).issuedAtOrBefore == issuedAtOrBefore
          && ((SubjectCutoff) o).keepUntil == keepUntil;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(issuedAtOrBefore) * 31 + Long.hashCode(keepUntil);
    }
  }

  /**
   * Session {@code sid} has ended; remember it until {@code keepUntil}. Returns whether this
   * changed the list (a new session, or a later time).
   */
  public boolean revokeSession(String sid, long keepUntil) {
    Long before = sessions.get(sid);
    if (before != null && before >= keepUntil) {
      return false;
    }
    sessions.merge(sid, keepUntil, Math::max);
    return true;
  }

  /**
   * Tokens of {@code subject} issued at or before {@code issuedAtOrBefore} are revoked; remember it
   * until {@code keepUntil}. Returns whether this changed the list.
   */
  public boolean revokeSubject(String subject, long issuedAtOrBefore, long keepUntil) {
    SubjectCutoff added = new SubjectCutoff(issuedAtOrBefore, keepUntil);
    SubjectCutoff before = subjects.get(subject);
    if (before != null && before.merge(added).equals(before)) {
      return false;
    }
    subjects.merge(subject, added, SubjectCutoff::merge);
    return true;
  }

  /**
   * Whether a token of session {@code sid} (or null) and {@code subject} (or null) issued at {@code
   * issuedAt} ({@link Long#MIN_VALUE} when unknown, which a subject's revocation covers) is
   * revoked.
   */
  public boolean isRevoked(String sid, String subject, long issuedAt) {
    if (sid != null && !sessions.isEmpty() && sessions.containsKey(sid)) {
      return true;
    }
    if (subject != null && !subjects.isEmpty()) {
      SubjectCutoff cutoff = subjects.get(subject);
      return cutoff != null && issuedAt <= cutoff.issuedAtOrBefore;
    }
    return false;
  }

  /** Whether session {@code sid} has ended. */
  public boolean isSessionRevoked(String sid) {
    return sessions.containsKey(sid);
  }

  /** Forgets the entries whose keep-until time is at or before {@code now} (epoch seconds). */
  public void prune(long now) {
    sessions.values().removeIf(keepUntil -> keepUntil <= now);
    subjects.values().removeIf(cutoff -> cutoff.keepUntil <= now);
  }

  /** The ended sessions (sid -> keep until), a snapshot. */
  public Map<String, Long> sessions() {
    return Map.copyOf(sessions);
  }

  /** The revoked subjects, a snapshot. */
  public Map<String, SubjectCutoff> subjects() {
    return Map.copyOf(subjects);
  }

  /** How many entries are kept (for monitoring and tests). */
  public int size() {
    return sessions.size() + subjects.size();
  }
}
