package dev.apojwt.redis;

import dev.apojwt.RevocationList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * This instance's copy of the revocations in Redis, which every verification reads. Kept current by
 * the published revocations (within milliseconds) and by {@link Sync} (a full snapshot whenever
 * Redis's version of them differs from the mirror's, checked every sync interval). Entries are only
 * ever added or made to last longer, and dropped when they can no longer matter: a Redis that lost
 * them cannot make a revoked token acceptable again, and gets them written back.
 */
final class Mirror {
  final RevocationList revocations = new RevocationList();

  /** The generation and version of Redis's revocations the mirror holds everything of. */
  private String generation;

  private long version = -1;

  /** When the mirror was last confirmed current (System.nanoTime), or never. */
  private volatile long confirmedAt;

  private volatile boolean everConfirmed;

  /**
   * Applies one published revocation: "s version keepUntil sid" or "u version keepUntil cutoff
   * subject".
   */
  void apply(String message) {
    String[] parts = message.split(" ", message.startsWith("u ") ? 5 : 4);
    try {
      long published = Long.parseLong(parts[1]);
      if (parts[0].equals("s") && parts.length == 4) {
        revocations.revokeSession(parts[3], Long.parseLong(parts[2]));
      } else if (parts[0].equals("u") && parts.length == 5) {
        revocations.revokeSubject(parts[4], Long.parseLong(parts[3]), Long.parseLong(parts[2]));
      } else {
        return;
      }
      synchronized (this) {
        if (published == version + 1) {
          version = published; // the next one: the mirror still has everything up to it
        }
      }
    } catch (RuntimeException e) {
      // Not ours (another writer on the channel): the next snapshot brings what matters.
    }
  }

  /** Whether Redis's generation and version are what the mirror has everything of. */
  synchronized boolean isAt(String redisGeneration, String redisVersion) {
    return generation != null
        && generation.equals(redisGeneration)
        && Long.toString(version).equals(redisVersion == null ? "0" : redisVersion);
  }

  /** Adopts a snapshot; returns what the mirror knows and Redis lacks, to be written back. */
  Missing adopt(Snapshot snapshot) {
    for (Map.Entry<String, Long> e : snapshot.sessions.entrySet()) {
      revocations.revokeSession(e.getKey(), e.getValue());
    }
    for (Map.Entry<String, RevocationList.SubjectCutoff> e : snapshot.subjects.entrySet()) {
      RevocationList.SubjectCutoff cutoff = e.getValue();
      revocations.revokeSubject(e.getKey(), cutoff.issuedAtOrBefore(), cutoff.keepUntil());
    }
    Missing missing = new Missing();
    for (Map.Entry<String, Long> e : revocations.sessions().entrySet()) {
      Long inRedis = snapshot.sessions.get(e.getKey());
      if (e.getValue() > snapshot.now && (inRedis == null || inRedis < e.getValue())) {
        missing.sessions.add(e.getKey());
        missing.sessions.add(Long.toString(e.getValue()));
      }
    }
    for (Map.Entry<String, RevocationList.SubjectCutoff> e : revocations.subjects().entrySet()) {
      RevocationList.SubjectCutoff mine = e.getValue();
      RevocationList.SubjectCutoff inRedis = snapshot.subjects.get(e.getKey());
      if (mine.keepUntil() > snapshot.now
          && (inRedis == null
              || inRedis.keepUntil() < mine.keepUntil()
              || inRedis.issuedAtOrBefore() < mine.issuedAtOrBefore())) {
        missing.subjects.add(e.getKey());
        missing.subjects.add(Long.toString(mine.issuedAtOrBefore()));
        missing.subjects.add(Long.toString(mine.keepUntil()));
      }
    }
    synchronized (this) {
      generation = snapshot.generation;
      version = snapshot.version;
    }
    return missing;
  }

  /** After writing back: the mirror is current at {@code written} if nothing came in between. */
  synchronized void wroteBack(long before, long written) {
    if (version == before && written == before + 1) {
      version = written;
    }
  }

  void confirm(long at) {
    confirmedAt = at;
    everConfirmed = true;
  }

  /** Whether the mirror was confirmed current within {@code maxAgeNanos} of {@code now}. */
  boolean isFresh(long now, long maxAgeNanos) {
    return everConfirmed && now - confirmedAt <= maxAgeNanos;
  }

  boolean everConfirmed() {
    return everConfirmed;
  }

  /** Every revocation in Redis that still matters, at one version. */
  static final class Snapshot {
    final String generation;
    final long version;
    final long now;
    final Map<String, Long> sessions;
    final Map<String, RevocationList.SubjectCutoff> subjects;

    Snapshot(
        String generation,
        long version,
        long now,
        Map<String, Long> sessions,
        Map<String, RevocationList.SubjectCutoff> subjects) {
      this.generation = Objects.requireNonNull(generation);
      this.version = version;
      this.now = now;
      this.sessions = sessions;
      this.subjects = subjects;
    }
  }

  /** Revocations to write back, as the merge script takes them. */
  static final class Missing {
    final List<String> sessions = new ArrayList<>();
    final List<String> subjects = new ArrayList<>();

    boolean isEmpty() {
      return sessions.isEmpty() && subjects.isEmpty();
    }
  }
}
