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

  /**
   * A filter in front of {@link #sessions}, which every verification reads; see {@link SidFilter}.
   */
  private volatile SidFilter sidFilter = SidFilter.EMPTY;

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
    // After the map: a reader that finds the key in the filter finds the session in the map. Also
    // when the session was there before: a prune may have dropped it from both since.
    synchronized (this) {
      sidFilter = sidFilter.with(SidFilter.key(sid), sessions.size());
    }
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
    if (sid != null && sidFilter.mayContain(SidFilter.key(sid)) && sessions.containsKey(sid)) {
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
    if (sessions.values().removeIf(keepUntil -> keepUntil <= now)) {
      synchronized (this) {
        sidFilter = SidFilter.of(sessions.keySet());
      }
    }
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

  /**
   * A set of 64-bit keys of ended sessions' ids that answers "certainly not ended" from one small
   * array, without hashing the id's 22 characters or probing the map (which, with thousands of
   * ended sessions, misses the cache on every verification): an apojwt session id is random, so its
   * first 10 characters, decoded, are 60 random bits and already a good key. A hit is confirmed in
   * the map, so a key shared by two ids costs only that lookup.
   *
   * <p>Open addressing, at most half full. Writers hold the list's lock and publish each change
   * through the volatile {@link #sidFilter}, after the map; a slot only ever goes from empty to a
   * key, and removal ({@link #prune}) builds a new filter, so a reader never misses a key that was
   * there before it looked.
   */
  static final class SidFilter {
    /**
     * No keys, and no array: the first key makes one (so nothing ever writes into a shared one).
     */
    static final SidFilter EMPTY = new SidFilter(new long[0], 0);

    private final long[] slots;
    private final int size;

    private SidFilter(long[] slots, int size) {
      this.slots = slots;
      this.size = size;
    }

    /**
     * The key of {@code sid}: never 0 (an empty slot). For apojwt's ids the bits of their first 10
     * characters; for any other string its hash code.
     */
    static long key(String sid) {
      if (sid.length() == SessionCheck.ID_LENGTH) {
        long bits = 0;
        int bad = 0;
        for (int i = 0; i < 10; i++) {
          char c = sid.charAt(i);
          int sixtet = Base64Url.classOf((byte) c);
          bad |= (c >>> 7) | (sixtet >>> 31);
          bits = bits << 6 | (sixtet & 0x3f);
        }
        if (bad == 0) {
          return bits | Long.MIN_VALUE;
        }
      }
      return (sid.hashCode() & 0xffffffffL) | 1L << 62;
    }

    static SidFilter of(java.util.Collection<String> sids) {
      SidFilter filter = EMPTY;
      int n = 0;
      for (String sid : sids) {
        filter = filter.with(key(sid), ++n);
      }
      return filter;
    }

    /** This filter with {@code key} added; {@code expected} sizes a new array when it grows. */
    SidFilter with(long key, int expected) {
      long[] target = slots;
      if ((size + 1) * 2 > target.length) {
        int length = Math.max(16, target.length);
        while (Math.max(size + 1, expected) * 2 > length) {
          length <<= 1;
        }
        target = new long[length];
        for (long k : slots) {
          if (k != 0) {
            insert(target, k);
          }
        }
      }
      return insert(target, key) ? new SidFilter(target, size + 1) : new SidFilter(target, size);
    }

    /** Puts {@code key} into {@code slots} (with room); false if it was there. */
    private static boolean insert(long[] slots, long key) {
      int mask = slots.length - 1;
      for (int i = index(key, mask); ; i = (i + 1) & mask) {
        if (slots[i] == key) {
          return false;
        }
        if (slots[i] == 0) {
          slots[i] = key;
          return true;
        }
      }
    }

    /** Whether {@code key} may be an ended session's: false means certainly not. */
    boolean mayContain(long key) {
      long[] s = slots;
      if (s.length == 0) {
        return false;
      }
      int mask = s.length - 1;
      for (int i = index(key, mask); ; i = (i + 1) & mask) {
        long k = s[i];
        if (k == key) {
          return true;
        }
        if (k == 0) {
          return false;
        }
      }
    }

    private static int index(long key, int mask) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h >>> 40) & mask;
    }
  }
}
