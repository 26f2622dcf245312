package dev.apojwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;

/** The revocations every verification reads: exact answers, also while they change. */
class RevocationListTest {
  @Test
  void everyEndedSessionAndNoOtherIsRevokedAcrossGrowth() {
    RevocationList list = new RevocationList();
    List<String> ended = new ArrayList<>();
    List<String> live = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      (i % 2 == 0 ? ended : live).add(TokenIds.next());
    }
    for (String sid : ended) {
      assertTrue(list.revokeSession(sid, 100));
    }
    for (String sid : ended) {
      assertTrue(list.isRevoked(sid, null, 0), sid);
    }
    for (String sid : live) {
      assertFalse(list.isRevoked(sid, null, 0), sid);
    }
  }

  @Test
  void idsThatShareTheFilterKeyOrAreNotApojwtsAreToldApart() {
    RevocationList list = new RevocationList();
    // The same first 10 characters: one key in the filter, two ids in the map.
    list.revokeSession("AAAAAAAAAAxxxxxxxxxxxx", 100);
    assertTrue(list.isRevoked("AAAAAAAAAAxxxxxxxxxxxx", null, 0));
    assertFalse(list.isRevoked("AAAAAAAAAAyyyyyyyyyyyy", null, 0));
    // Not of apojwt's form (a store's own ids, a stray message): keyed by their hash.
    for (String sid :
        List.of("", "x", "a session", "AAAAAAAAAA/xxxxxxxxxxx", "\u00e9".repeat(22))) {
      assertFalse(list.isRevoked(sid, null, 0), sid);
      list.revokeSession(sid, 100);
      assertTrue(list.isRevoked(sid, null, 0), sid);
    }
    assertFalse(list.isRevoked("AAAAAAAAAAyyyyyyyyyyyy", null, 0));
  }

  @Test
  void pruneForgetsOnlyWhatExpiredAndARevocationAfterItCounts() {
    RevocationList list = new RevocationList();
    String early = TokenIds.next();
    String late = TokenIds.next();
    list.revokeSession(early, 10);
    list.revokeSession(late, 20);
    list.prune(10);
    assertFalse(list.isRevoked(early, null, 0));
    assertTrue(list.isRevoked(late, null, 0));
    list.revokeSession(early, 30); // ended again after it was forgotten
    assertTrue(list.isRevoked(early, null, 0));
    list.prune(20);
    assertTrue(list.isRevoked(early, null, 0));
    assertFalse(list.isRevoked(late, null, 0));
    assertEquals(1, list.size());
  }

  @Test
  void aRevocationIsSeenByEveryReaderOnceItReturnedWhileOthersArriveAndArePruned()
      throws Exception {
    RevocationList list = new RevocationList();
    int count = 20_000;
    AtomicReferenceArray<String> done = new AtomicReferenceArray<>(count);
    AtomicInteger published = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger misses = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> readers = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        readers.add(
            pool.submit(
                () -> {
                  while (!stop.get()) {
                    int n = published.get();
                    for (int i = Math.max(0, n - 64); i < n; i++) {
                      if (!list.isRevoked(done.get(i), null, 0)) {
                        misses.incrementAndGet();
                      }
                    }
                  }
                }));
      }
      Future<?> writer =
          pool.submit(
              () -> {
                for (int i = 0; i < count; i++) {
                  String sid = TokenIds.next();
                  list.revokeSession(sid, Long.MAX_VALUE);
                  list.revokeSession(TokenIds.next(), i); // expires at once: pruned below
                  done.set(i, sid);
                  published.incrementAndGet();
                  if (i % 1_000 == 0) {
                    list.prune(i); // rebuilds the filter under the readers
                  }
                }
              });
      writer.get(60, TimeUnit.SECONDS);
      stop.set(true);
      for (Future<?> reader : readers) {
        reader.get(10, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(0, misses.get());
    for (int i = 0; i < count; i++) {
      assertTrue(list.isRevoked(done.get(i), null, 0));
    }
  }
}
