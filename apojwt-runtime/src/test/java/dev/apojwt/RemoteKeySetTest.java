package dev.apojwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A key set from a JWKS URI against a JWKS server made here: first fetch, TTL, refresh ahead in the
 * background, unknown kids, a provider that is down, slow, oversized or malformed. Time is a clock
 * the test moves; delayed fetches run when the test says.
 */
class RemoteKeySetTest {
  private static JwksServer server;

  private final Keys.MovableClock clock = new Keys.MovableClock(TestTokens.NOW);

  /** The auth service's keys: k1 active, then k2 after the rotation. */
  private final ApoJwt K1 =
      ApoJwt.builder().algorithm("ES256").signingKeys("k1", Keys.EC_NEW).clock(clock).build();

  private final ApoJwt K2 =
      ApoJwt.builder().algorithm("ES256").signingKeys("k2", Keys.EC_OLD).clock(clock).build();

  private final ApoJwt K2_AND_K1 =
      ApoJwt.builder()
          .algorithm("ES256")
          .signingKeys("k2", Keys.EC_OLD)
          .verificationKey("k1", Keys.EC_NEW.getPublic())
          .build();

  private final ManualBackground background = new ManualBackground(clock);
  private final List<ApoJwt> built = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    server = new JwksServer();
    // The JVM's first HTTP request loads the HttpClient: taken here, not in a test's time budget.
    server.serve("{\"keys\":[]}", null);
    ApoJwt.builder().jwksUri(server.uri()).algorithms("ES256").build().close();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void serveK1() {
    server.serve(K1.jwks(), null);
    server.resetCount();
  }

  @AfterEach
  void closeAll() {
    built.forEach(ApoJwt::close);
    server.release();
  }

  /** A service of the set, once its first fetch is done (however long a loaded machine takes). */
  private ApoJwt consumer(UnaryOperator<ApoJwt.Builder> extra) {
    ApoJwt jwt = built(extra);
    background.settle();
    return jwt;
  }

  /** A service of the set, as build() returns it. */
  private ApoJwt built(UnaryOperator<ApoJwt.Builder> extra) {
    ApoJwt jwt =
        extra
            .apply(
                ApoJwt.builder()
                    .jwksUri(server.uri())
                    .algorithms("ES256")
                    .jwksTimeout(Duration.ofSeconds(2))
                    .jwksOutageTolerance(Duration.ofMinutes(10))
                    .jwksBackground(background)
                    .clock(clock))
            .build();
    built.add(jwt);
    return jwt;
  }

  private ApoJwt consumer() {
    return consumer(b -> b);
  }

  /** Moves the clock to the next delayed task (the refresh, or a retry) and runs it. */
  private void untilNextFetch() {
    clock.advance(Duration.ofMillis(background.nextDelay()));
    background.runDue();
  }

  private static String token(ApoJwt signer) {
    return signer.createToken("u", List.of("orders:read"), Map.of());
  }

  private static AuthFailure.Reason reason(ApoJwt jwt, String token) {
    return assertThrows(ApoJwtException.class, () -> jwt.verify(token)).reason();
  }

  @Test
  void theFirstSetIsFetchedAtBuild() {
    ApoJwt jwt = built(b -> b);
    assertEquals(1, server.requests());
    assertEquals("u", jwt.verify(token(K1)).subject());
    assertEquals(K1.jwks(), jwt.jwks());
    assertEquals(1, server.requests(), "verification never fetches");
    assertTrue(jwt.toString().contains("jwksUri=" + server.uri()), jwt.toString());
  }

  @Test
  void withoutASetYetTokensAreUnavailableThenTheRetryBringsIt() {
    server.status(500);
    ApoJwt jwt = consumer();
    ApoJwtException e = assertThrows(ApoJwtException.class, () -> jwt.verify(token(K1)));
    assertEquals(AuthFailure.Reason.UNAVAILABLE, e.reason());
    assertEquals(503, e.status());
    assertNull(e.failure().wwwAuthenticate());
    assertEquals(1_000, background.nextDelay(), "the first retry after a second");
    server.serve(K1.jwks(), null);
    clock.advance(Duration.ofSeconds(1));
    background.runDue();
    assertEquals("u", jwt.verify(token(K1)).subject());
  }

  @Test
  void theSetLivesAsLongAsMaxAgeSaysClampedAndIsRefreshedAhead() {
    Object[][] cases = {
      {null, 300_000L - 30_000L},
      {"public, max-age=120", 120_000L - 30_000L},
      {"max-age=5", 60_000L - 15_000L},
      {"no-store", 60_000L - 15_000L},
      {"max-age=864000", 86_400_000L - 30_000L},
      {"max-age=oops", 300_000L - 30_000L},
    };
    for (Object[] c : cases) {
      ManualBackground own = new ManualBackground(clock);
      server.serve(K1.jwks(), (String) c[0]);
      ApoJwt jwt = consumer(b -> b.jwksBackground(own));
      assertEquals((long) c[1], own.nextDelay(), String.valueOf(c[0]));
      jwt.close();
    }
  }

  @Test
  void theRefreshRunsInTheBackgroundAndBringsTheRotation() {
    ApoJwt jwt = consumer();
    for (int i = 0; i < 100; i++) {
      jwt.verify(token(K1));
    }
    assertEquals(1, server.requests());
    server.serve(K2.jwks(), null);
    untilNextFetch();
    assertEquals(2, server.requests());
    assertEquals("u", jwt.verify(token(K2)).subject());
    assertEquals(2, server.requests());
    // k1 left the set: its tokens are refused, after the one refetch an unknown kid may make.
    assertEquals(AuthFailure.Reason.BAD_SIGNATURE, reason(jwt, token(K1)));
    assertEquals(AuthFailure.Reason.BAD_SIGNATURE, reason(jwt, token(K1)));
    assertEquals(3, server.requests());
  }

  @Test
  void anUnknownKidMakesOneRefetchThatEveryRequestWaitsFor() throws Exception {
    ApoJwt jwt = consumer();
    server.serve(K2_AND_K1.jwks(), null);
    String newKey = token(K2);
    ExecutorService requests = Executors.newFixedThreadPool(16);
    try {
      List<Callable<String>> calls = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        calls.add(() -> jwt.verify(newKey).subject());
      }
      for (Future<String> f : requests.invokeAll(calls)) {
        assertEquals("u", f.get(), "no 401 right after the rotation");
      }
    } finally {
      requests.shutdownNow();
    }
    assertEquals(2, server.requests(), "one refetch for all of them");
    assertEquals("u", jwt.verify(token(K1)).subject());
  }

  @Test
  void unknownKidsCostAtMostOneFetchPerThirtySeconds() {
    ApoJwt jwt = consumer();
    String made = token(K1);
    String header = made.substring(0, made.indexOf('.'));
    int fetches = server.requests();
    for (int i = 0; i < 1_000; i++) {
      String forged =
          made.replace(header, TestTokens.b64("{\"alg\":\"ES256\",\"kid\":\"made-up-" + i + "\"}"));
      assertEquals(AuthFailure.Reason.BAD_SIGNATURE, reason(jwt, forged));
    }
    assertEquals(fetches + 1, server.requests(), "one refetch, then limited");
    // 31 seconds on: a new unknown kid may refetch once more; one already seen unknown does not.
    clock.advance(Duration.ofSeconds(31));
    String seen = made.replace(header, TestTokens.b64("{\"alg\":\"ES256\",\"kid\":\"made-up-0\"}"));
    assertEquals(AuthFailure.Reason.BAD_SIGNATURE, reason(jwt, seen));
    assertEquals(fetches + 1, server.requests(), "negatively cached");
    for (int i = 0; i < 100; i++) {
      String forged =
          made.replace(header, TestTokens.b64("{\"alg\":\"ES256\",\"kid\":\"again-" + i + "\"}"));
      reason(jwt, forged);
    }
    assertEquals(fetches + 2, server.requests());
    // Malformed kids never fetch.
    for (String kid : List.of("a b", "' OR 1=1", "x".repeat(500))) {
      String forged =
          made.replace(header, TestTokens.b64("{\"alg\":\"ES256\",\"kid\":\"" + kid + "\"}"));
      assertEquals(AuthFailure.Reason.MALFORMED, reason(jwt, forged));
    }
    assertEquals(fetches + 2, server.requests());
  }

  @Test
  void whenTheProviderIsDownTheLastSetServesForTheOutageTolerance() {
    ApoJwt jwt = consumer();
    server.status(503);
    clock.advance(Duration.ofSeconds(270));
    background.runDue();
    assertEquals(2, server.requests());
    assertEquals("u", jwt.verify(token(K1)).subject(), "the last good set serves");
    // Retries back off: 1 s, 2 s, 4 s ...
    assertEquals(1_000, background.nextDelay());
    clock.advance(Duration.ofSeconds(1));
    background.runDue();
    assertEquals(2_000, background.nextDelay());
    // Past the set's time and the 10 minutes of tolerance: refused, until the provider is back.
    clock.advance(Duration.ofMinutes(11));
    background.runDue();
    assertEquals(AuthFailure.Reason.UNAVAILABLE, reason(jwt, token(K1)));
    server.serve(K1.jwks(), null);
    clock.advance(Duration.ofMinutes(1));
    background.runDue();
    assertEquals("u", jwt.verify(token(K1)).subject());
  }

  @Test
  void anOversizedMalformedOrRedirectedAnswerKeepsTheLastSet() {
    ApoJwt jwt = consumer();
    String big = "{\"keys\":[],\"padding\":\"" + "x".repeat(70 * 1024) + "\"}";
    JwksServer.Answer withLength = new JwksServer.Answer();
    withLength.body = big;
    JwksServer.Answer chunked = new JwksServer.Answer();
    chunked.body = big;
    chunked.chunked = true;
    JwksServer.Answer malformed = new JwksServer.Answer();
    malformed.body = "{\"keys\":[";
    JwksServer.Answer notASet = new JwksServer.Answer();
    notASet.body = "[1,2,3]";
    JwksServer.Answer redirect = new JwksServer.Answer();
    redirect.status = 302;
    redirect.location = "http://127.0.0.1:1/elsewhere";
    int fetches = server.requests();
    for (JwksServer.Answer answer : List.of(withLength, chunked, malformed, notASet, redirect)) {
      server.answer(answer);
      untilNextFetch();
      assertEquals(++fetches, server.requests());
      assertEquals("u", jwt.verify(token(K1)).subject());
    }
  }

  @Test
  void aSlowProviderDoesNotHoldUpBuildBeyondTheTimeout() {
    JwksServer.Answer slow = new JwksServer.Answer();
    slow.hang = true;
    server.answer(slow);
    long start = System.nanoTime();
    ApoJwt jwt = built(b -> b.jwksTimeout(Duration.ofMillis(300)));
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(tookMillis < 1_500, "build() took " + tookMillis + " ms");
    assertEquals(AuthFailure.Reason.UNAVAILABLE, reason(jwt, token(K1)));
    server.release();
    server.serve(K1.jwks(), null);
    background.settle();
    clock.advance(Duration.ofSeconds(1));
    background.runDue();
    assertEquals("u", jwt.verify(token(K1)).subject());
  }

  @Test
  void aKeyLeavingTheSetTakesItsTokensOutOfTheCache() throws Exception {
    ApoJwt jwt = consumer(b -> b.verifiedCache(100));
    String old = token(K1);
    VerifiedToken first = jwt.verify(old);
    assertTrue(first == jwt.verify(old), "cached");
    server.serve(K2.jwks(), null);
    clock.advance(Duration.ofSeconds(270));
    background.runDue();
    assertEquals(AuthFailure.Reason.BAD_SIGNATURE, reason(jwt, old));
    assertEquals("u", jwt.verify(token(K2)).subject());
  }

  @Test
  void closeStopsTheRefreshThread() throws Exception {
    ApoJwt jwt = ApoJwt.builder().jwksUri(server.uri()).algorithms("ES256").clock(clock).build();
    Thread refresher = null;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("apojwt-jwks 127.0.0.1")) {
        refresher = t;
      }
    }
    assertTrue(refresher != null && refresher.isDaemon(), "a daemon thread fetches");
    assertEquals("u", jwt.verify(token(K1)).subject());
    jwt.close();
    jwt.close();
    refresher.join(5_000);
    assertTrue(!refresher.isAlive(), "stopped");
    assertEquals("u", jwt.verify(token(K1)).subject(), "the set in hand still serves");
  }
}
