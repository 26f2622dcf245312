package dev.apojwt.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apojwt.ApoJwt;
import dev.apojwt.AuthFailure.Reason;
import dev.apojwt.MemorySessionStore;
import dev.apojwt.SessionStore;
import dev.apojwt.TokenPair;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The session contract against {@link MemorySessionStore}: two ApoJwt in one process. */
class MemorySessionStoreTest extends SessionContract {
  private MemorySessionStore store = new MemorySessionStore();

  @Override
  SessionStore store() {
    return store;
  }

  /** The process restarted: a memory store's sessions are gone. */
  @Override
  void deleteSession(String sid) {
    store = new MemorySessionStore();
    a = instance(Duration.ZERO);
    b = instance(Duration.ZERO);
  }

  @Test
  void aFullStoreDropsSessionsNeverRevocations() {
    store = new MemorySessionStore(4);
    ApoJwt jwt = instance(Duration.ZERO);
    TokenPair revoked = login(jwt, "mallory");
    jwt.logout(jwt.verifyRefresh(revoked.refresh()));
    for (int i = 0; i < 50; i++) {
      login(jwt, "user-" + i);
    }
    assertEquals(4, store.sessionCount());
    assertEquals(1, store.revocationCount());
    assertEquals(Reason.REVOKED, refusal(() -> jwt.verify(revoked.access())));
    // Revocations are forgotten only when every token they cover has expired.
    clock.advance(REFRESH_PERIOD.plusSeconds(1));
    login(jwt, "later");
    assertEquals(0, store.revocationCount());
  }
}
