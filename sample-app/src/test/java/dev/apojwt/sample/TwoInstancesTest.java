package dev.apojwt.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apojwt.redis.testing.RedisForTests;
import dev.apojwt.redis.testing.RedisServer;
import dev.apojwt.sample.config.AppConfig;
import dev.apojwt.sample.testing.Http;
import dev.apojwt.sample.testing.Http.Response;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the service behind an imagined load balancer, sharing sessions through one real
 * {@code redis-server} ({@code REDIS_URL}), as the README's walkthrough runs them: a session
 * started on one is refreshed on the other, a logout on one refuses its access token on the other,
 * a reused refresh token ends the session on both, and while Redis is down refreshing answers 503.
 */
class TwoInstancesTest {
  /** RedisSessionStore's documented bound: one sync interval (1 s), here with a margin. */
  static final long BOUND_MILLIS = 2_000;

  static RedisServer redis;
  static SampleApp a;
  static SampleApp b;
  static Http onA;
  static Http onB;

  @BeforeAll
  static void start() {
    redis = RedisForTests.persistent();
    a = instance();
    b = instance();
    onA = new Http(a.port());
    onB = new Http(b.port());
  }

  static SampleApp instance() {
    AppConfig config =
        AppConfig.fromEnvironment(
            Map.of(
                "PORT", "0",
                "JWT_SECRET", "an access secret shared by both instances, 32+ bytes",
                "JWT_REFRESH_SECRET", "a refresh secret shared by both instances, 32+ bytes",
                "REDIS_URL", redis.uri(),
                "PASSWORD_HASH_ITERATIONS", "1000"),
            new SecureRandom());
    return SampleApp.start(config, Clock.systemUTC());
  }

  @AfterAll
  static void stop() throws IOException {
    for (AutoCloseable closeable : new AutoCloseable[] {a, b, redis}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        // closing the rest anyway
      }
    }
  }

  record Login(String access, String refresh) {}

  static Login login(Http on, String user) {
    Response r =
        on.post("/login", "{\"username\":\"" + user + "\",\"password\":\"" + user + "-demo\"}");
    assertEquals(200, r.status, r::toString);
    return new Login(r.json().get("access_token").asText(), r.cookieValue("refresh_token"));
  }

  static Login refresh(Http on, String refresh) {
    Response r = on.post("/refresh", null, "Cookie", "refresh_token=" + refresh);
    assertEquals(200, r.status, r::toString);
    return new Login(r.json().get("access_token").asText(), r.cookieValue("refresh_token"));
  }

  /** Polls until {@code condition} holds; fails after the bound. Returns the milliseconds taken. */
  static long within(long millis, Supplier<Boolean> condition, String what) {
    long start = System.nanoTime();
    while (!condition.get()) {
      if (System.nanoTime() - start > millis * 1_000_000) {
        throw new AssertionError(what + " not within " + millis + " ms");
      }
      RedisServer.sleep(10);
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Test
  void aSessionStartedOnOneInstanceRefreshesOnTheOther() {
    Login first = login(onA, "bob");
    assertEquals(200, onB.getWith(first.access(), "/orders/mine").status);
    Login second = refresh(onB, first.refresh());
    assertEquals(200, onA.getWith(second.access(), "/me").status);
    refresh(onA, second.refresh());
  }

  @Test
  void aLogoutOnOneInstanceRefusesTheAccessTokenOnTheOther() {
    Login eve = login(onA, "eve");
    assertEquals(200, onB.getWith(eve.access(), "/orders/mine").status);
    Response out = onA.post("/logout", null, "Cookie", "refresh_token=" + eve.refresh());
    assertEquals(204, out.status, out::toString);
    within(
        BOUND_MILLIS,
        () -> onB.getWith(eve.access(), "/orders/mine").status == 401,
        "the logout on A refusing the access token on B");
    Response refused = onB.getWith(eve.access(), "/orders/mine");
    assertEquals("revoked", refused.json().get("error").asText(), refused::toString);
    Response again = onB.post("/refresh", null, "Cookie", "refresh_token=" + eve.refresh());
    assertEquals(401, again.status, again::toString);
    assertEquals("session has ended; log in again", again.json().get("message").asText());
  }

  @Test
  void aRefreshTokenReusedOnEitherInstanceEndsTheSessionOnBoth() {
    Login first = login(onA, "carol");
    Login second = refresh(onA, first.refresh());
    Response replay = onB.post("/refresh", null, "Cookie", "refresh_token=" + first.refresh());
    assertEquals(401, replay.status, replay::toString);
    assertEquals(
        "refresh token was already used; log in again", replay.json().get("message").asText());
    // Whoever holds the newest pair may be the thief: it is refused on both instances.
    for (Http on : new Http[] {onA, onB}) {
      within(
          BOUND_MILLIS,
          () -> on.getWith(second.access(), "/orders/mine").status == 401,
          "the reuse refusing the newest access token");
      Response r = on.post("/refresh", null, "Cookie", "refresh_token=" + second.refresh());
      assertEquals(401, r.status, r::toString);
    }
  }

  @Test
  void whileRedisIsDownRefreshAndLoginAnswer503AndAccessTokensStillWork() throws IOException {
    Login dave = login(onA, "dave");
    redis.kill();
    try {
      for (Http on : new Http[] {onA, onB}) {
        Response r = on.post("/refresh", null, "Cookie", "refresh_token=" + dave.refresh());
        assertEquals(503, r.status, r::toString);
        assertEquals("unavailable", r.json().get("error").asText(), r::toString);
        assertTrue(r.header("WWW-Authenticate").isEmpty(), r::toString);
        Response in = on.post("/login", "{\"username\":\"dave\",\"password\":\"dave-demo\"}");
        assertEquals(503, in.status, in::toString);
        // Within RedisSessionStore's maxStaleness (30 s), against the last known revocations.
        assertEquals(200, on.getWith(dave.access(), "/orders/mine").status);
      }
    } finally {
      redis.launch(); // with its data: the append-only file
    }
    // Back: the refresh token that could not be rotated while Redis was down still rotates.
    within(
        BOUND_MILLIS + 3_000,
        () -> onB.post("/refresh", null, "Cookie", "refresh_token=" + dave.refresh()).status == 200,
        "refresh working again once Redis is back");
    within(
        BOUND_MILLIS + 3_000,
        () ->
            onA.post("/login", "{\"username\":\"dave\",\"password\":\"dave-demo\"}").status == 200,
        "login working again once Redis is back");
  }
}
