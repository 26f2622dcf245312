package dev.apojwt.sample.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apojwt.sample.auth.RefreshSessions.Outcome;
import dev.apojwt.test.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RefreshSessionsTest {
  private final TestClock clock = TestClock.at(Instant.parse("2026-01-01T00:00:00Z"));
  private final RefreshSessions sessions = new RefreshSessions(clock, Duration.ofHours(1));

  @Test
  void eachRefreshTokenWorksOnce() {
    String session = sessions.open();
    Instant exp = clock.instant().plus(Duration.ofHours(1));
    assertEquals(Outcome.ROTATED, sessions.use(session, "jti-1", exp));
    assertEquals(Outcome.ROTATED, sessions.use(session, "jti-2", exp));
    assertFalse(sessions.isRevoked(session));
  }

  @Test
  void reuseRevokesTheWholeSession() {
    String session = sessions.open();
    String other = sessions.open();
    Instant exp = clock.instant().plus(Duration.ofHours(1));
    sessions.use(session, "jti-1", exp);
    sessions.use(session, "jti-2", exp);
    assertEquals(Outcome.REUSED, sessions.use(session, "jti-1", exp));
    assertTrue(sessions.isRevoked(session));
    // The newest token of that session is refused too: whoever holds it may be the thief.
    assertEquals(Outcome.REVOKED, sessions.use(session, "jti-3", exp));
    assertEquals(Outcome.ROTATED, sessions.use(other, "jti-4", exp));
  }

  @Test
  void logoutRevokes() {
    String session = sessions.open();
    sessions.revoke(session);
    assertEquals(Outcome.REVOKED, sessions.use(session, "jti-1", clock.instant().plusSeconds(60)));
  }

  @Test
  void forgetsWhatCanNoLongerMatter() {
    String session = sessions.open();
    sessions.use(session, "jti-1", clock.instant().plus(Duration.ofMinutes(10)));
    sessions.revoke(sessions.open());
    assertEquals(2, sessions.remembered());
    clock.advance(Duration.ofMinutes(10));
    assertEquals(1, sessions.remembered());
    clock.advance(Duration.ofMinutes(50));
    assertEquals(0, sessions.remembered());
  }

  @Test
  void sessionIdsAreRandom() {
    assertNotEquals(sessions.open(), sessions.open());
    assertEquals(22, sessions.open().length());
  }
}
