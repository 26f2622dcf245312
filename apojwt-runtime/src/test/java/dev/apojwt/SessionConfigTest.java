package dev.apojwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Sessions in the builder, and what they change in the tokens (and what they leave alone). */
class SessionConfigTest {
  private static String refused(Supplier<ApoJwt> build) {
    return assertThrows(IllegalArgumentException.class, build::get).getMessage();
  }

  private static ApoJwt.Builder withSessions() {
    return TestTokens.hs256WithRefresh().sessions(new MemorySessionStore());
  }

  private static String payloadOf(String token) {
    return new String(TestTokens.unb64(token.split("\\.")[1]), StandardCharsets.UTF_8);
  }

  @Test
  void sessionsNeedRefreshAndSaneTimes() {
    assertTrue(
        refused(() -> TestTokens.hs256().sessions(new MemorySessionStore()).build())
            .contains("configure refresh(secret, period) too"));
    assertTrue(
        refused(
                () ->
                    ApoJwt.builder()
                        .algorithm("ES256")
                        .verificationKey(Keys.EC_NEW.getPublic())
                        .refresh(TestTokens.REFRESH_SECRET, Duration.ofDays(1), call -> null)
                        .sessions(new MemorySessionStore())
                        .build())
            .contains("needs a signing key"));
    assertTrue(
        refused(() -> TestTokens.hs256WithRefresh().rotationGrace(Duration.ofSeconds(5)).build())
            .contains("need sessions(store)"));
    assertTrue(
        refused(() -> TestTokens.hs256WithRefresh().sessionLifetime(Duration.ofDays(5)).build())
            .contains("need sessions(store)"));
    assertTrue(
        refused(() -> withSessions().rotationGrace(Duration.ofMinutes(2)).build())
            .contains("rotationGrace must be whole seconds between 0 and 1 minute"));
    assertTrue(
        refused(() -> withSessions().rotationGrace(Duration.ofMillis(1500)).build())
            .contains("rotationGrace"));
    assertTrue(
        refused(() -> withSessions().sessionLifetime(Duration.ofMinutes(15)).build())
            .contains("must be longer than the access lifetime"));
    assertTrue(
        refused(() -> withSessions().sessionLifetime(Duration.ofDays(-1)).build())
            .contains("sessionLifetime must be"));
    assertThrows(IllegalArgumentException.class, () -> TestTokens.hs256().sessions(null));
    assertThrows(IllegalArgumentException.class, () -> new MemorySessionStore(0));
  }

  @Test
  void withoutSessionsTokensCarryNoSidAndTheSessionCallsSaySo() {
    ApoJwt jwt = TestTokens.hs256WithRefresh().build();
    TokenPair pair = jwt.createTokens("user-1", List.of("a"), Map.of(), Map.of());
    assertFalse(payloadOf(pair.access()).contains("sid"));
    assertFalse(payloadOf(pair.refresh()).contains("sid"));
    assertNull(jwt.verify(pair.access()).sessionId());
    VerifiedRefresh refresh = jwt.verifyRefresh(pair.refresh());
    assertNull(refresh.sessionId());
    String message =
        assertThrows(
                IllegalStateException.class,
                () -> jwt.rotate(refresh, "user-1", List.of(), Map.of(), Map.of()))
            .getMessage();
    assertTrue(message.contains("sessions(new MemorySessionStore())"), message);
    assertThrows(IllegalStateException.class, () -> jwt.logout(refresh));
    assertThrows(IllegalStateException.class, () -> jwt.revokeSubject("user-1"));
    assertThrows(IllegalStateException.class, () -> jwt.revokeSession("x".repeat(22)));
    assertFalse(jwt.toString().contains("sessions"));
  }

  @Test
  void withoutSessionsAnySidClaimIsJustAClaim() {
    // A stateless service (apojwt 1.7) reads no sid, whatever its form: another issuer's
    // session id (an OpenID Connect UUID, a number) is no reason to refuse a token.
    ApoJwt jwt = TestTokens.hs256().build();
    for (String sid : List.of("\"c0ffee00-0000-4000-8000-000000000000\"", "42", "{\"a\":1}")) {
      VerifiedToken token = jwt.verify(TestTokens.hs256(TestTokens.payload("\"sid\":" + sid)));
      assertEquals("user-1", token.subject());
    }
    assertNull(jwt.verify(TestTokens.hs256(TestTokens.payload("\"sid\":42"))).sessionId());
  }

  @Test
  void bothTokensOfASessionCarryItsIdAfterJtiAndNeverOutliveIt() {
    ApoJwt jwt = withSessions().sessionLifetime(Duration.ofHours(2)).build();
    TokenPair pair = jwt.createTokens("user-1", List.of("a"), Map.of(), Map.of("k", "v"));
    VerifiedToken access = jwt.verify(pair.access());
    VerifiedRefresh refresh = jwt.verifyRefresh(pair.refresh());
    assertEquals(22, access.sessionId().length());
    assertEquals(access.sessionId(), refresh.sessionId());
    assertTrue(payloadOf(pair.access()).endsWith(",\"sid\":\"" + access.sessionId() + "\"}"));
    assertEquals(TestTokens.NOW.plusSeconds(900), access.expiresAt());
    // The refresh period is a day, but the session ends after two hours.
    assertEquals(TestTokens.NOW.plus(Duration.ofHours(2)), refresh.expiresAt());
    assertTrue(jwt.toString().contains("sessions=MemorySessionStore/PT2H"), jwt.toString());
  }

  @Test
  void sessionIdsAreRandomAndUrlSafe() {
    ApoJwt jwt = withSessions().build();
    String first =
        jwt.verify(jwt.createTokens("u", List.of(), Map.of(), Map.of()).access()).sessionId();
    String second =
        jwt.verify(jwt.createTokens("u", List.of(), Map.of(), Map.of()).access()).sessionId();
    assertFalse(first.equals(second));
    assertTrue(first.matches("[A-Za-z0-9_-]{22}"), first);
    assertTrue(SessionCheck.isId(first));
  }
}
