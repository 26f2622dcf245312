package dev.apojwt.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apojwt.ApoJwt;
import dev.apojwt.ApoJwtException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * One ApoJwt shared by many threads, with valid tokens and every corpus attack interleaved:
 * each call must get exactly its own expected outcome (the per-thread Mac and Signature reuse
 * must never leak state between calls, and a failure must not poison the next call).
 */
class ConcurrencyTest {
  private static final int THREADS = 8;
  private static final int ROUNDS = 10;

  /** What one call should produce: a subject on success, else a reason. */
  static final class Expectation {
    final String input;
    final boolean refresh;
    final String subject;
    final String reason;

    Expectation(String input, boolean refresh, String subject, String reason) {
      this.input = input;
      this.refresh = refresh;
      this.subject = subject;
      this.reason = reason;
    }

    String outcome(ApoJwt jwt) {
      try {
        return "ok " + (refresh ? jwt.verifyRefresh(input).subject() : jwt.verify(input).subject());
      } catch (ApoJwtException e) {
        return "refused " + e.reason();
      } catch (RuntimeException e) {
        return "escaped " + e;
      }
    }

    String expected() {
      return subject != null ? "ok " + subject : "refused " + reason;
    }
  }

  @Test
  void everyCallGetsItsOwnOutcomeUnderContention() throws Exception {
    for (Services service : List.of(Services.HMAC, Services.RSA)) {
      ApoJwt jwt = service.builder().build();
      List<Expectation> work = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        String subject = "user-" + i;
        var pair = jwt.createTokens(subject, List.of("orders:read"), Map.of("i", i), Map.of("user_id", subject));
        work.add(new Expectation(pair.access(), false, subject, null));
        work.add(new Expectation(pair.refresh(), true, subject, null));
      }
      for (AttackCase attack : AttackCorpus.all()) {
        if (attack.service == service) {
          work.add(new Expectation(attack.token, attack.kind == AttackCase.Kind.REFRESH, null, attack.reason.name()));
        }
      }
      runConcurrently(jwt, work);
    }
  }

  private static void runConcurrently(ApoJwt jwt, List<Expectation> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    ConcurrentLinkedQueue<String> mismatches = new ConcurrentLinkedQueue<>();
    AtomicInteger calls = new AtomicInteger();
    try {
      for (int t = 0; t < THREADS; t++) {
        long seed = t;
        pool.execute(
            () -> {
              List<Expectation> mine = new ArrayList<>(work);
              Random random = new Random(seed);
              try {
                start.await();
                for (int round = 0; round < ROUNDS; round++) {
                  Collections.shuffle(mine, random);
                  for (Expectation e : mine) {
                    String outcome = e.outcome(jwt);
                    calls.incrementAndGet();
                    if (!outcome.equals(e.expected())) {
                      mismatches.add(e.expected() + " but got " + outcome);
                    }
                  }
                }
              } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
              }
            });
      }
      start.countDown();
      pool.shutdown();
      assertTrue(pool.awaitTermination(120, TimeUnit.SECONDS), "threads did not finish");
    } finally {
      pool.shutdownNow();
    }
    assertEquals(List.of(), List.copyOf(mismatches));
    assertEquals(THREADS * ROUNDS * work.size(), calls.get());
  }
}
