package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.apojwt.ApoJwtException;
import dev.apojwt.AuthFailure.Reason;
import dev.apojwt.TokenPair;
import dev.apojwt.redis.testing.RedisForTests;
import dev.apojwt.redis.testing.RedisServer;
import dev.apojwt.templatetests.ReadmeSnippets;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** README's sessions example, as shown there, on two instances and one real redis-server. */
class SessionsExampleTest {
  static final String SECRET = "an access secret of at least 32 bytes....";
  static final String REFRESH_SECRET = "a refresh secret of at least 32 bytes....";
  static final List<String> PERMISSIONS = List.of("orders:read");

  static RedisServer redis;
  static SessionsExample one;
  static SessionsExample two;

  @BeforeAll
  static void start() {
    redis = RedisForTests.start();
    one = new SessionsExample(redis.uri(), SECRET, REFRESH_SECRET);
    two = new SessionsExample(redis.uri(), SECRET, REFRESH_SECRET);
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable closeable : new AutoCloseable[] {one, two, redis}) {
      if (closeable != null) {
        closeable.close();
      }
    }
  }

  static Reason refusal(Executable call) {
    return assertThrows(ApoJwtException.class, call).reason();
  }

  /** Polls for the refusal: a revocation reaches the other instance within one second. */
  static void eventuallyRevoked(Supplier<String> call) {
    long deadline = System.nanoTime() + 1_000_000_000L;
    while (true) {
      try {
        call.get();
      } catch (ApoJwtException e) {
        assertEquals(Reason.REVOKED, e.reason());
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("still accepted after 1 s");
      }
      RedisServer.sleep(5);
    }
  }

  @Test
  void readmeShowsTheExample() throws Exception {
    ReadmeSnippets.assertShown("apojwt-redis/src/test/java/com/example/SessionsExample.java");
  }

  @Test
  void aRefreshTokenWorksOnceOnAnyInstance() {
    TokenPair first = one.login("alice", PERMISSIONS);
    assertEquals("alice", two.user(first.access()));
    TokenPair second = two.refresh(first.refresh(), PERMISSIONS);
    assertEquals(Reason.REUSED, refusal(() -> one.refresh(first.refresh(), PERMISSIONS)));
    eventuallyRevoked(() -> two.user(second.access()));
    assertEquals(Reason.REVOKED, refusal(() -> one.refresh(second.refresh(), PERMISSIONS)));
  }

  @Test
  void logoutOnOneInstanceRefusesTheAccessTokenOnTheOther() {
    TokenPair pair = one.login("bob", PERMISSIONS);
    one.logout(pair.refresh());
    eventuallyRevoked(() -> two.user(pair.access()));
  }

  @Test
  void lockOutEndsEverySessionOfTheUser() {
    TokenPair laptop = one.login("carol", PERMISSIONS);
    TokenPair phone = two.login("carol", PERMISSIONS);
    TokenPair other = one.login("dave", PERMISSIONS);
    two.lockOut("carol");
    eventuallyRevoked(() -> one.user(laptop.access()));
    eventuallyRevoked(() -> one.user(phone.access()));
    assertEquals(Reason.REVOKED, refusal(() -> one.refresh(phone.refresh(), PERMISSIONS)));
    assertEquals("dave", one.user(other.access()));
  }
}
