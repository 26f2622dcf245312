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
 * One ApoJwt shared by many threads, with valid tokens and every corpus attack interleaved: each
 * call must get exactly its own expected outcome (the per-thread Mac and Signature reuse must never
 * leak state between calls, and a failure must not poison the next call).
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
        var pair =
            jwt.createTokens(
                subject, List.of("orders:read"), Map.of("i", i), Map.of("user_id", subject));
        work.add(new Expectation(pair.access(), false, subject, null));
        work.add(new Expectation(pair.refresh(), true, subject, null));
      }
      for (AttackCase attack : AttackCorpus.all()) {
        if (attack.service == service) {
          work.add(
              new Expectation(
                  attack.token,
                  attack.kind == AttackCase.Kind.REFRESH,
                  null,
                  attack.reason.name()));
        }
      }
      runConcurrently(jwt, work);
    }
  }

  /**
   * One generated guard shared by many threads: each call reaches the delegate exactly when its
   * token is valid and holds the permission, and otherwise gets its own refusal.
   */
  @Test
  void aSharedGuardGivesEveryCallItsOwnOutcome() throws Exception {
    GuardHarness harness = new GuardHarness(Services.HMAC);
    ApoJwt issuer = Services.HMAC.builder().build();
    List<Expectation> work = new ArrayList<>();
    int allowed = 0;
    for (int i = 0; i < 64; i++) {
      boolean permitted = i % 2 == 0;
      String token =
          issuer.createToken(
              "user-" + i, permitted ? List.of("orders:read") : List.of("orders:write"), Map.of());
      work.add(
          new Expectation(token, false, permitted ? "get" : null, permitted ? null : "FORBIDDEN"));
      allowed += permitted ? 1 : 0;
    }
    for (AttackCase attack : AttackCorpus.all()) {
      if (attack.service == Services.HMAC
          && attack.kind == AttackCase.Kind.ACCESS
          && attack.token.equals(attack.token.strip())) {
        work.add(new Expectation(attack.token, false, null, attack.reason.name()));
      }
    }
    Victim guard = harness.guard;
    runConcurrently(
        work,
        e -> {
          try {
            return "ok " + guard.get(new Victim.Request("Bearer " + e.input));
          } catch (GuardHarness.HttpError error) {
            return "refused " + error.failure.reason();
          } catch (RuntimeException error) {
            return "escaped " + error;
          }
        });
    assertEquals(THREADS * ROUNDS * allowed, harness.recorder.calls.get());
  }

  private static void runConcurrently(ApoJwt jwt, List<Expectation> work) throws Exception {
    runConcurrently(work, e -> e.outcome(jwt));
  }

  private static void runConcurrently(
      List<Expectation> work, java.util.function.Function<Expectation, String> call)
      throws Exception {
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
                    String outcome = call.apply(e);
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
