package dev.apojwt.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.apojwt.ApoJwt;
import dev.apojwt.ApoJwtException;
import dev.apojwt.AuthFailure.Reason;
import dev.apojwt.TokenPair;
import dev.apojwt.VerifiedRefresh;
import dev.apojwt.redis.testing.RedisForTests;
import dev.apojwt.redis.testing.RedisServer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redis killed under traffic and started again, with its data and without: 503s while it is down
 * (and no thread waits longer than the command timeout), no revoked token accepted at any time, no
 * rotation lost or duplicated, and everything back by itself.
 */
class RedisFaultTest {
  private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(500);
  private static final Duration MAX_STALENESS = Duration.ofSeconds(2);

  /** The longest any call may take, down or up: the command timeout, and a margin for GC. */
  private static final long MAX_CALL_NANOS = COMMAND_TIMEOUT.plusMillis(700).toNanos();

  private static RedisServer redis;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
  private final List<RedisSessionStore> stores = new ArrayList<>();
  private final Queue<String> wrong = new ConcurrentLinkedQueue<>();
  private final AtomicLong slowest = new AtomicLong();

  @BeforeAll
  static void startRedis() {
    redis = RedisForTests.persistent();
  }

  @AfterAll
  static void stopRedis() throws IOException {
    if (redis != null) {
      redis.close();
    }
  }

  @BeforeEach
  void emptyRedis() {
    assertEquals("+OK", redis.command("FLUSHALL"));
  }

  @AfterEach
  void closeStores() {
    stores.forEach(RedisSessionStore::close);
  }

  private ApoJwt instance() {
    // A lost response (Redis died after rotating, before answering) is retried with the same
    // token: the grace window gives it the same successor instead of a logout.
    return instance(options().maxStaleness(MAX_STALENESS), Duration.ofSeconds(30));
  }

  private static RedisSessionStore.Options options() {
    return RedisSessionStore.options()
        .commandTimeout(COMMAND_TIMEOUT)
        .syncInterval(Duration.ofMillis(200));
  }

  private ApoJwt instance(RedisSessionStore.Options options, Duration grace) {
    RedisSessionStore store = RedisSessionStore.create(redis.uri(), options);
    stores.add(store);
    return ApoJwt.builder()
        .secret(SessionContract.SECRET)
        .refresh(SessionContract.REFRESH_SECRET, Duration.ofHours(8), call -> null)
        .clock(clock)
        .sessions(store)
        .rotationGrace(grace)
        .build();
  }

  /** Runs {@code call}, timing it; an ApoJwtException's reason, or null when it passed. */
  private Reason timed(Runnable call) {
    long start = System.nanoTime();
    try {
      call.run();
      return null;
    } catch (ApoJwtException e) {
      return e.reason();
    } finally {
      slowest.accumulateAndGet(System.nanoTime() - start, Math::max);
    }
  }

  private static TokenPair rotate(ApoJwt jwt, String refresh) {
    VerifiedRefresh presented = jwt.verifyRefresh(refresh);
    return jwt.rotate(presented, presented.subject(), List.of(), Map.of(), Map.of());
  }

  private static void await(String what, Duration within, BooleanSupplier condition) {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail(what + " did not happen within " + within);
      }
      RedisServer.sleep(20);
    }
  }

  @Test
  void killedUnderTrafficAndRestarted() throws Exception {
    ApoJwt a = instance();
    ApoJwt b = instance();
    TokenPair loggedOut = SessionContract.login(a, "mallory");
    a.logout(a.verifyRefresh(loggedOut.refresh()));
    TokenPair fired = SessionContract.login(b, "fired");
    b.revokeSubject("fired");
    List<String> revoked = List.of(loggedOut.access(), loggedOut.refresh(), fired.access());

    int clients = 4;
    AtomicBoolean stop = new AtomicBoolean();
    AtomicBoolean down = new AtomicBoolean();
    AtomicInteger rotations = new AtomicInteger();
    AtomicInteger refusedWhileDown = new AtomicInteger();
    List<String[]> current = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
    List<Future<?>> runs = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      String[] mine = {SessionContract.login(a, "user-" + c).refresh()};
      current.add(mine);
      runs.add(
          pool.submit(
              () -> {
                int step = 0;
                while (!stop.get()) {
                  ApoJwt jwt = step++ % 2 == 0 ? a : b;
                  TokenPair[] next = new TokenPair[1];
                  Reason reason = timed(() -> next[0] = rotate(jwt, mine[0]));
                  if (reason == null) {
                    mine[0] = next[0].refresh();
                    rotations.incrementAndGet();
                  } else if (reason == Reason.UNAVAILABLE) {
                    refusedWhileDown.incrementAndGet(); // keep the token, retry
                    RedisServer.sleep(5);
                  } else {
                    wrong.add(
                        "a client's rotation answered " + reason + (down.get() ? " (down)" : ""));
                    return;
                  }
                }
              }));
    }
    // Revoked tokens, checked all along: never accepted, whatever Redis is doing.
    runs.add(
        pool.submit(
            () -> {
              while (!stop.get()) {
                for (int i = 0; i < revoked.size(); i++) {
                  String token = revoked.get(i);
                  Reason reason =
                      i == 1 ? timed(() -> a.verifyRefresh(token)) : timed(() -> b.verify(token));
                  if (reason != Reason.REVOKED) {
                    wrong.add("a revoked token answered " + reason);
                  }
                }
              }
            }));

    await("rotations", Duration.ofSeconds(5), () -> rotations.get() > 50);
    TokenPair live = SessionContract.login(a, "live");
    redis.kill();
    down.set(true);
    // Down: refresh fails closed at once; access tokens pass on the last known revocations...
    await("503s", Duration.ofSeconds(3), () -> refusedWhileDown.get() > 10);
    assertEquals(null, timed(() -> b.verify(live.access())));
    assertEquals(
        Reason.UNAVAILABLE, timed(() -> a.createTokens("x", List.of(), Map.of(), Map.of())));
    // ...until the mirror is older than the staleness bound: then 503.
    await(
        "access tokens refused as stale",
        MAX_STALENESS.plusSeconds(2),
        () -> timed(() -> b.verify(live.access())) == Reason.UNAVAILABLE);

    redis.restart(); // with its data (append-only file, fsync always)
    down.set(false);
    int before = rotations.get();
    await("rotations again", Duration.ofSeconds(10), () -> rotations.get() > before + 50);
    // Both instances back in sync (each notices on its own sync), before the untimed calls below.
    await(
        "access tokens again",
        Duration.ofSeconds(3),
        () ->
            timed(() -> b.verify(live.access())) == null
                && timed(() -> a.verify(live.access())) == null);
    stop.set(true);
    for (Future<?> run : runs) {
      run.get(10, TimeUnit.SECONDS); // no thread stuck
    }
    pool.shutdownNow();

    assertTrue(wrong.isEmpty(), wrong.toString());
    assertTrue(slowest.get() < MAX_CALL_NANOS, "a call took " + slowest.get() / 1_000_000 + " ms");
    // No rotation lost or duplicated: each client's last token is its session's current one.
    List<TokenPair> nexts = new ArrayList<>();
    for (String[] mine : current) {
      nexts.add(rotate(a, mine[0]));
    }
    clock.advance(Duration.ofSeconds(31)); // past the grace window
    for (int i = 0; i < clients; i++) {
      String[] mine = current.get(i);
      TokenPair next = nexts.get(i);
      assertEquals(Reason.REUSED, timed(() -> rotate(b, mine[0])));
      SessionContract.awaitRevoked(a, next.access(), false);
    }
    assertEquals(Reason.REVOKED, timed(() -> a.verify(loggedOut.access())));
    assertEquals(Reason.REVOKED, timed(() -> b.verify(fired.access())));
    assertEquals(Reason.REVOKED, timed(() -> b.verifyRefresh(loggedOut.refresh())));
  }

  @Test
  void restartedEmptyNeverMakesARevokedTokenAcceptableAgain() throws Exception {
    ApoJwt a = instance();
    ApoJwt b = instance();
    TokenPair loggedOut = SessionContract.login(a, "mallory");
    a.logout(a.verifyRefresh(loggedOut.refresh()));
    TokenPair fired = SessionContract.login(b, "fired");
    String firedPlain = b.createToken("fired", List.of(), Map.of());
    b.revokeSubject("fired");
    TokenPair live = SessionContract.login(a, "alice");

    redis.restartEmpty();
    // Every instance notices, reads the (empty) revocations, and writes back what it knew.
    await(
        "revocations written back",
        Duration.ofSeconds(10),
        () -> redis.command("ZCARD", "apojwt:rs").equals(":2"));
    await(
        "subject written back",
        Duration.ofSeconds(5),
        () -> redis.command("HEXISTS", "apojwt:rc", "fired").equals(":1"));
    ApoJwt c = instance(); // an instance started after the loss: it learns them from Redis
    for (ApoJwt jwt : List.of(a, b, c)) {
      for (String access : List.of(loggedOut.access(), fired.access(), firedPlain)) {
        assertEquals(Reason.REVOKED, timed(() -> jwt.verify(access)));
      }
      assertEquals(Reason.REVOKED, timed(() -> jwt.verifyRefresh(fired.refresh())));
      // Live access tokens still pass: their revocation status is known (none).
      assertEquals("alice", jwt.verify(live.access()).subject());
    }
    // The sessions are gone: their refresh tokens are refused, never rotated.
    assertEquals(Reason.REVOKED, timed(() -> rotate(c, live.refresh())));
    assertEquals(Reason.REVOKED, timed(() -> rotate(a, live.refresh())));
    // And a new login works at once.
    SessionContract.rotate(b, SessionContract.login(a, "alice").refresh());
    assertTrue(wrong.isEmpty(), wrong.toString());
  }

  @Test
  void aStoreStartedBeforeItsRedisConnectsOnceRedisAnswers() throws Exception {
    redis.kill();
    Thread later =
        new Thread(
            () -> {
              RedisServer.sleep(700);
              try {
                redis.launch();
              } catch (IOException e) {
                wrong.add("redis did not start: " + e);
              }
            });
    later.start();
    long start = System.nanoTime();
    ApoJwt jwt = instance(); // waits up to the start timeout (10 s) instead of failing at once
    long waited = (System.nanoTime() - start) / 1_000_000;
    later.join(10_000);
    assertTrue(waited >= 500, "connected after " + waited + " ms, before Redis was started");
    SessionContract.rotate(jwt, SessionContract.login(jwt, "early").refresh());
    assertTrue(wrong.isEmpty(), wrong.toString());
  }

  @Test
  void whenStaleAcceptKeepsCheckingAgainstTheLastKnownRevocations() throws Exception {
    ApoJwt jwt =
        instance(
            options()
                .maxStaleness(Duration.ofMillis(500))
                .whenStale(RedisSessionStore.WhenStale.ACCEPT),
            Duration.ZERO);
    RedisSessionStore store = stores.get(stores.size() - 1);
    TokenPair live = SessionContract.login(jwt, "alice");
    TokenPair ended = SessionContract.login(jwt, "bob");
    jwt.logout(jwt.verifyRefresh(ended.refresh()));
    redis.kill();
    try {
      await("the mirror stale", Duration.ofSeconds(3), () -> !store.isConnected());
      RedisServer.sleep(800); // past maxStaleness
      assertEquals("alice", jwt.verify(live.access()).subject());
      assertEquals(Reason.REVOKED, timed(() -> jwt.verify(ended.access())));
      assertEquals(Reason.UNAVAILABLE, timed(() -> rotate(jwt, live.refresh())));
    } finally {
      redis.launch();
    }
    await("reconnected", Duration.ofSeconds(5), store::isConnected);
    SessionContract.rotate(jwt, live.refresh());
  }
}
