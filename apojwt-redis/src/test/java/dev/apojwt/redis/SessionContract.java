package dev.apojwt.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.apojwt.ApoJwt;
import dev.apojwt.ApoJwtException;
import dev.apojwt.AuthFailure.Reason;
import dev.apojwt.SessionStore;
import dev.apojwt.TokenPair;
import dev.apojwt.VerifiedRefresh;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * What every {@link SessionStore} must do, through {@link ApoJwt}, with two service instances
 * ({@link #a} and {@link #b}) sharing the store: run against {@code MemorySessionStore} (two ApoJwt
 * in one process) and {@code RedisSessionStore} (two stores on one real Redis).
 */
abstract class SessionContract {
  static final String SECRET = "contract-access-secret-of-at-least-32-bytes";
  static final String REFRESH_SECRET = "contract-refresh-secret-of-at-least-32-bytes";
  static final Duration REFRESH_PERIOD = Duration.ofHours(8);

  /** How long a revocation may take to reach the other instance (the documented bound). */
  static final Duration PROPAGATION_BOUND = Duration.ofSeconds(1);

  final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00.250Z"));
  final List<SessionStore> stores = new ArrayList<>();
  ApoJwt a;
  ApoJwt b;

  /** The store for one more service instance (for the memory store: the same one again). */
  abstract SessionStore store();

  ApoJwt instance(Duration grace) {
    SessionStore store = store();
    if (!stores.contains(store)) {
      stores.add(store);
    }
    return builder(store).rotationGrace(grace).build();
  }

  /** An ApoJwt of the contract's secrets and clock on {@code store}, to build. */
  ApoJwt.Builder builder(SessionStore store) {
    return ApoJwt.builder()
        .secret(SECRET)
        .refresh(REFRESH_SECRET, REFRESH_PERIOD, call -> null)
        .clock(clock)
        .sessions(store);
  }

  /** Empties the backend before a test's instances start (their mirrors would keep its data). */
  void resetBackend() {}

  @BeforeEach
  void twoInstances() {
    resetBackend();
    a = instance(Duration.ZERO);
    b = instance(Duration.ZERO);
  }

  @AfterEach
  void closeStores() {
    stores.forEach(SessionStore::close);
  }

  static TokenPair login(ApoJwt jwt, String subject) {
    return jwt.createTokens(subject, List.of("orders:read"), Map.of(), Map.of("k", "v"));
  }

  static TokenPair rotate(ApoJwt jwt, String refresh) {
    VerifiedRefresh presented = jwt.verifyRefresh(refresh);
    return jwt.rotate(
        presented, presented.subject(), List.of("orders:read"), Map.of(), presented.data());
  }

  static Reason refusal(Executable call) {
    return assertThrows(ApoJwtException.class, call).reason();
  }

  /**
   * Waits (polling, within the propagation bound) until {@code jwt} refuses {@code token} as
   * REVOKED; returns how long it took.
   */
  static Duration awaitRevoked(ApoJwt jwt, String token, boolean refresh) {
    long start = System.nanoTime();
    long deadline = start + PROPAGATION_BOUND.toNanos();
    while (true) {
      try {
        if (refresh) {
          jwt.verifyRefresh(token);
        } else {
          jwt.verify(token);
        }
      } catch (ApoJwtException e) {
        assertEquals(Reason.REVOKED, e.reason(), e.failure().toString());
        return Duration.ofNanos(System.nanoTime() - start);
      }
      if (System.nanoTime() > deadline) {
        fail("still accepted after " + PROPAGATION_BOUND);
      }
      Thread.onSpinWait();
    }
  }

  @Test
  void rotationOnOneInstanceIsSeenByTheOther() {
    TokenPair first = login(a, "alice");
    TokenPair second = rotate(b, first.refresh());
    String sid = a.verify(first.access()).sessionId();
    assertEquals(sid, a.verify(second.access()).sessionId());
    assertEquals(sid, b.verifyRefresh(second.refresh()).sessionId());
    TokenPair third = rotate(a, second.refresh()); // the successor made on b rotates on a
    assertEquals(sid, b.verify(third.access()).sessionId());
    // The rotated token is now a reuse on either instance.
    assertEquals(Reason.REUSED, refusal(() -> rotate(a, second.refresh())));
  }

  @Test
  void reuseOnEitherInstanceRevokesTheSessionOnBoth() {
    TokenPair first = login(a, "alice");
    TokenPair second = rotate(a, first.refresh());
    TokenPair unrelated = login(b, "alice"); // another session of the same user
    assertEquals(Reason.REUSED, refusal(() -> rotate(b, first.refresh())));
    // The session is over, everywhere: its newest refresh token, and all its access tokens.
    for (ApoJwt jwt : List.of(a, b)) {
      awaitRevoked(jwt, second.refresh(), true);
      awaitRevoked(jwt, second.access(), false);
      awaitRevoked(jwt, first.access(), false);
      assertEquals(Reason.REVOKED, refusal(() -> rotate(jwt, second.refresh())));
      assertEquals(Reason.REVOKED, refusal(() -> rotate(jwt, first.refresh())));
    }
    assertEquals("alice", a.verify(unrelated.access()).subject());
    rotate(a, unrelated.refresh());
  }

  @Test
  void logoutAndRevokeSessionEndTheSessionOnBothInstances() {
    TokenPair one = login(a, "alice");
    TokenPair two = login(a, "bob");
    a.logout(a.verifyRefresh(one.refresh()));
    b.revokeSession(b.verify(two.access()).sessionId());
    for (ApoJwt jwt : List.of(a, b)) {
      for (TokenPair pair : List.of(one, two)) {
        awaitRevoked(jwt, pair.access(), false);
        awaitRevoked(jwt, pair.refresh(), true);
      }
    }
    b.revokeSession(b.verify(login(b, "carol").access()).sessionId());
    a.logout(a.verifyRefresh(login(a, "dave").refresh()));
  }

  @Test
  void revokeSubjectOnOneInstanceRefusesTheUsersTokensOnTheOther() {
    TokenPair s1 = login(a, "alice");
    TokenPair s2 = login(b, "alice");
    String plain = a.createToken("alice", List.of(), Map.of()); // no session: its iat counts
    TokenPair bob = login(a, "bob");
    b.revokeSubject("alice");
    for (ApoJwt jwt : List.of(a, b)) {
      for (String access : List.of(s1.access(), s2.access(), plain)) {
        awaitRevoked(jwt, access, false);
      }
      awaitRevoked(jwt, s1.refresh(), true);
      assertEquals("bob", jwt.verify(bob.access()).subject());
    }
    assertEquals(Reason.REVOKED, refusal(() -> rotate(a, s1.refresh())));
    rotate(b, bob.refresh());
    clock.advance(Duration.ofSeconds(1)); // a new login from the next second on is fine
    TokenPair again = login(b, "alice");
    assertEquals("alice", a.verify(again.access()).subject());
    rotate(a, again.refresh());
  }

  @Test
  void revokeSubjectCoversTokensIssuedUpToItsSecondTheSameSecondIncluded() {
    clock.advance(Duration.ofMillis(100)); // .350 into the second
    TokenPair before = login(a, "alice");
    a.revokeSubject("alice");
    clock.advance(Duration.ofMillis(600)); // later, but within the same second of iat
    String sameSecond = b.createToken("alice", List.of(), Map.of());
    for (ApoJwt jwt : List.of(a, b)) {
      awaitRevoked(jwt, before.access(), false);
      awaitRevoked(jwt, sameSecond, false);
    }
    clock.advance(Duration.ofMillis(100)); // the next second
    TokenPair after = login(b, "alice");
    assertEquals("alice", a.verify(after.access()).subject());
    rotate(a, after.refresh());
  }

  @Test
  void subjectsOfAnyTextAreRevokedExactlyOnBothInstances() {
    List<String> subjects =
        List.of(
            "alice smith",
            "u 7 99 1 bob", // the shape of a published revocation
            "line\nbreak",
            "{tag}:colon*glob?",
            "\u00e9l\u00e8ve \ud83d\ude00",
            "",
            "x".repeat(2_000));
    List<TokenPair> pairs = new ArrayList<>();
    for (String subject : subjects) {
      pairs.add(login(a, subject));
    }
    TokenPair bob = login(a, "bob");
    for (String subject : subjects) {
      b.revokeSubject(subject);
    }
    for (ApoJwt jwt : List.of(a, b)) {
      for (TokenPair pair : pairs) {
        awaitRevoked(jwt, pair.access(), false);
        awaitRevoked(jwt, pair.refresh(), true);
      }
      // Neither a prefix nor a part of a revoked subject is revoked.
      assertEquals("bob", jwt.verify(bob.access()).subject());
    }
    rotate(b, bob.refresh());
  }

  @Test
  void withoutGraceAnyReuseRevokes() {
    TokenPair first = login(a, "alice");
    rotate(a, first.refresh());
    assertEquals(Reason.REUSED, refusal(() -> rotate(a, first.refresh())));
  }

  @Test
  void theGraceWindowGivesTheImmediatePredecessorTheSameSuccessorOnly() {
    ApoJwt graceful = instance(Duration.ofSeconds(5));
    ApoJwt other = instance(Duration.ofSeconds(5));
    TokenPair first = login(graceful, "alice");
    TokenPair second = rotate(graceful, first.refresh());
    clock.advance(Duration.ofSeconds(4));
    // A retry of the first token (its response was lost): the same successor, on any instance.
    TokenPair retry = rotate(other, first.refresh());
    VerifiedRefresh secondToken = graceful.verifyRefresh(second.refresh());
    VerifiedRefresh retryToken = graceful.verifyRefresh(retry.refresh());
    assertEquals(secondToken.id(), retryToken.id());
    assertEquals(secondToken.sessionId(), retryToken.sessionId());
    assertEquals(secondToken.expiresAt(), retryToken.expiresAt());
    // One live successor: rotating either copy makes the other (and the first) a reuse.
    TokenPair third = rotate(graceful, retry.refresh());
    clock.advance(Duration.ofSeconds(1));
    assertEquals(
        graceful.verifyRefresh(third.refresh()).id(),
        graceful.verifyRefresh(rotate(other, second.refresh()).refresh()).id());
    // Two steps back is never covered, within the window or not.
    assertEquals(Reason.REUSED, refusal(() -> rotate(graceful, first.refresh())));
    assertEquals(Reason.REVOKED, refusal(() -> rotate(graceful, third.refresh())));
  }

  @Test
  void theGraceWindowEnds() {
    ApoJwt graceful = instance(Duration.ofSeconds(5));
    TokenPair first = login(graceful, "alice");
    TokenPair second = rotate(graceful, first.refresh());
    clock.advance(Duration.ofSeconds(5));
    assertEquals(Reason.REUSED, refusal(() -> rotate(graceful, first.refresh())));
    assertEquals(Reason.REVOKED, refusal(() -> rotate(graceful, second.refresh())));
  }

  @Test
  void rotationNeverExtendsTheSession() {
    TokenPair first = login(a, "alice");
    Instant end = a.verifyRefresh(first.refresh()).expiresAt();
    assertEquals(clock.instant().plus(REFRESH_PERIOD).getEpochSecond(), end.getEpochSecond());
    String refresh = first.refresh();
    for (int i = 0; i < 4; i++) {
      clock.advance(REFRESH_PERIOD.dividedBy(4).minusSeconds(1));
      TokenPair next = rotate(i % 2 == 0 ? a : b, refresh);
      assertEquals(end, a.verifyRefresh(next.refresh()).expiresAt());
      assertTrue(!a.verify(next.access()).expiresAt().isAfter(end));
      refresh = next.refresh();
    }
    clock.advance(Duration.ofSeconds(5)); // past the end
    String last = refresh;
    assertEquals(Reason.EXPIRED, refusal(() -> a.verifyRefresh(last)));
  }

  @Test
  void aSessionLongerThanTheRefreshPeriodEndsAtItsEndHoweverOftenItRotates() {
    SessionStore store = store();
    stores.add(store);
    ApoJwt longer = builder(store).sessionLifetime(REFRESH_PERIOD.multipliedBy(3)).build();
    TokenPair first = login(longer, "alice");
    Instant start = clock.instant();
    Instant end = start.plus(REFRESH_PERIOD.multipliedBy(3));
    // Each refresh token lives one refresh period (an idle timeout), never past the session's end.
    assertEquals(
        start.plus(REFRESH_PERIOD).getEpochSecond(),
        longer.verifyRefresh(first.refresh()).expiresAt().getEpochSecond());
    String refresh = first.refresh();
    while (clock.instant().plus(REFRESH_PERIOD).isBefore(end.plusSeconds(3600))) {
      clock.advance(REFRESH_PERIOD.dividedBy(2));
      TokenPair next = rotate(longer, refresh);
      Instant exp = longer.verifyRefresh(next.refresh()).expiresAt();
      Instant idle = clock.instant().plus(REFRESH_PERIOD);
      assertEquals(
          (idle.isBefore(end) ? idle : end).getEpochSecond(), exp.getEpochSecond(), "at " + clock);
      assertTrue(!longer.verify(next.access()).expiresAt().isAfter(end));
      refresh = next.refresh();
    }
    clock.advance(Duration.between(clock.instant(), end).plusSeconds(1));
    String last = refresh;
    assertEquals(Reason.EXPIRED, refusal(() -> longer.verifyRefresh(last)));
  }

  @Test
  void aRefreshTokenOfADeletedSessionIsRevoked() {
    TokenPair pair = login(a, "alice");
    deleteSession(a.verify(pair.access()).sessionId());
    assertEquals(Reason.REVOKED, refusal(() -> rotate(b, pair.refresh())));
  }

  /** Makes the session disappear from the store as a crash or eviction would. */
  abstract void deleteSession(String sid);

  @Test
  void manyThreadsRefreshingOneTokenHaveExactlyOneWinner() throws Exception {
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 10; round++) {
        TokenPair pair = login(a, "alice-" + round);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          ApoJwt jwt = t % 2 == 0 ? a : b;
          results.add(
              pool.submit(
                  (Callable<Object>)
                      () -> {
                        go.await();
                        try {
                          return rotate(jwt, pair.refresh());
                        } catch (ApoJwtException e) {
                          return e.reason();
                        }
                      }));
        }
        go.countDown();
        List<TokenPair> winners = new ArrayList<>();
        for (Future<Object> result : results) {
          Object outcome = result.get(10, TimeUnit.SECONDS);
          if (outcome instanceof TokenPair) {
            winners.add((TokenPair) outcome);
          } else {
            assertTrue(
                outcome == Reason.REUSED || outcome == Reason.REVOKED, String.valueOf(outcome));
          }
        }
        assertEquals(1, winners.size(), "round " + round);
        // The losers presented a rotated token: the session, the winner's pair included, is over.
        awaitRevoked(b, winners.get(0).access(), false);
        assertEquals(Reason.REVOKED, refusal(() -> rotate(a, winners.get(0).refresh())));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void withGraceManyThreadsRefreshingOneTokenGetOneSuccessor() throws Exception {
    ApoJwt graceful = instance(Duration.ofSeconds(10));
    ApoJwt other = instance(Duration.ofSeconds(10));
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      TokenPair pair = login(graceful, "alice");
      CountDownLatch go = new CountDownLatch(1);
      List<Future<TokenPair>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        ApoJwt jwt = t % 2 == 0 ? graceful : other;
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  return rotate(jwt, pair.refresh());
                }));
      }
      go.countDown();
      Set<String> successorIds = new HashSet<>();
      List<TokenPair> pairs = new ArrayList<>();
      for (Future<TokenPair> result : results) {
        TokenPair next = result.get(10, TimeUnit.SECONDS);
        pairs.add(next);
        successorIds.add(graceful.verifyRefresh(next.refresh()).id());
      }
      assertEquals(1, successorIds.size(), "never two live successors");
      // Exactly one of the copies rotates on; then every other copy is a reuse.
      TokenPair next = rotate(other, pairs.get(0).refresh());
      assertNotEquals(successorIds.iterator().next(), graceful.verifyRefresh(next.refresh()).id());
      clock.advance(Duration.ofSeconds(11));
      assertEquals(Reason.REUSED, refusal(() -> rotate(graceful, pairs.get(1).refresh())));
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A bounded run of mixed traffic on both instances: clients rotating their own sessions, an
   * attacker replaying stolen rotated tokens, logouts; every outcome checked against a model.
   */
  @Test
  void mixedTrafficHasNoWrongOutcome() throws Exception {
    int clients = 8;
    int steps = 40;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    AtomicInteger wrong = new AtomicInteger();
    Map<String, String> problems = new ConcurrentHashMap<>();
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int client = c;
        runs.add(
            pool.submit(
                () -> {
                  TokenPair current = login(a, "user-" + client);
                  String stolen = null;
                  for (int step = 0; step < steps; step++) {
                    ApoJwt jwt = step % 2 == 0 ? a : b;
                    String check = check(jwt, current, stolen, client, step);
                    if (check.startsWith("wrong")) {
                      wrong.incrementAndGet();
                      problems.put(client + "/" + step, check);
                      return;
                    }
                    if (check.equals("reused")) {
                      current = login(jwt, "user-" + client); // the session is over: log in
                      stolen = null;
                      continue;
                    }
                    String previous = current.refresh();
                    current = rotate(jwt, previous);
                    if (step % 7 == 3) {
                      stolen = previous; // the attacker will replay this one
                    }
                  }
                }));
      }
      for (Future<?> run : runs) {
        run.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(0, wrong.get(), problems.toString());
  }

  /** One step of a client: its tokens must pass; a replayed stolen token must end the session. */
  private static String check(ApoJwt jwt, TokenPair current, String stolen, int client, int step) {
    try {
      jwt.verify(current.access());
      jwt.verifyRefresh(current.refresh());
    } catch (ApoJwtException e) {
      return "wrong: the live session's tokens were refused " + e.reason();
    }
    if (stolen == null || step % 5 != 0) {
      return "ok";
    }
    try {
      rotate(jwt, stolen);
      return "wrong: a rotated token rotated again";
    } catch (ApoJwtException e) {
      if (e.reason() != Reason.REUSED) {
        return "wrong: replay answered " + e.reason();
      }
    }
    try {
      rotate(jwt, current.refresh());
      return "wrong: the session survived the replay";
    } catch (ApoJwtException e) {
      return e.reason() == Reason.REVOKED ? "reused" : "wrong: after replay " + e.reason();
    }
  }
}
