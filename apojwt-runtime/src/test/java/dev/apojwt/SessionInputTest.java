package dev.apojwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** With sessions on: hostile session ids, foreign refresh tokens, and a store that fails. */
class SessionInputTest {
  private final MemorySessionStore store = new MemorySessionStore();
  private final ApoJwt jwt = TestTokens.hs256WithRefresh().sessions(store).build();

  private static AuthFailure.Reason refusal(Executable call) {
    return assertThrows(ApoJwtException.class, call).reason();
  }

  /** A refresh token signed with the refresh secret, at NOW, with these extra members. */
  private static String refresh(String extraMembers) {
    long now = TestTokens.NOW.getEpochSecond();
    String payload =
        "{\"exp\":"
            + (now + 3600)
            + ",\"sub\":\"user-1\",\"nbf\":"
            + now
            + ",\"iss\":\"\",\"aud\":[],\"iat\":"
            + now
            + ",\"data\":{}"
            + (extraMembers.isEmpty() ? "" : "," + extraMembers)
            + "}";
    return TestTokens.hmac(
        "HmacSHA256",
        TestTokens.REFRESH_SECRET,
        "{\"alg\":\"HS256\",\"typ\":\"refresh+jwt\"}",
        payload);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "42",
        "null",
        "true",
        "[\"AAAAAAAAAAAAAAAAAAAAAA\"]",
        "{\"id\":\"AAAAAAAAAAAAAAAAAAAAAA\"}",
        "\"\"",
        "\"AAAAAAAAAAAAAAAAAAAAA\"", // 21
        "\"AAAAAAAAAAAAAAAAAAAAAAA\"", // 23
        "\"c0ffee00-0000-4000-8000-000000000000\"",
        "\"AAAAAAAAAA/AAAAAAAAAAA\"",
        "\"AAAAAAAAAA=AAAAAAAAAAA\"",
        "\"AAAAAAAAAA AAAAAAAAAAA\"",
        "\"AAAAAAAAAA\\u00e9AAAAAAAAAAA\"",
        "\"AAAAAAAAAA\\nAAAAAAAAAAA\""
      })
  void aSidOfTheWrongTypeSizeOrCharsetIsMalformed(String sid) {
    assertEquals(
        AuthFailure.Reason.MALFORMED,
        refusal(() -> jwt.verify(TestTokens.hs256(TestTokens.payload("\"sid\":" + sid)))));
    String token = refresh("\"jti\":\"BBBBBBBBBBBBBBBBBBBBBB\",\"sid\":" + sid);
    assertEquals(AuthFailure.Reason.MALFORMED, refusal(() -> jwt.verifyRefresh(token)));
  }

  @Test
  void aDuplicateSidIsMalformed() {
    String sid = "\"sid\":\"AAAAAAAAAAAAAAAAAAAAAA\"";
    assertEquals(
        AuthFailure.Reason.MALFORMED,
        refusal(() -> jwt.verify(TestTokens.hs256(TestTokens.payload(sid + "," + sid)))));
  }

  @Test
  void aRefreshTokenOfNoSessionIsRevoked() {
    // apojwt 1.7's refresh tokens, and ours from before sessions were turned on.
    assertEquals(
        AuthFailure.Reason.REVOKED,
        refusal(() -> jwt.verifyRefresh(refresh("\"jti\":\"BBBBBBBBBBBBBBBBBBBBBB\""))));
    assertEquals(AuthFailure.Reason.REVOKED, refusal(() -> jwt.verifyRefresh(refresh(""))));
    ApoJwt stateless = TestTokens.hs256WithRefresh().build();
    VerifiedRefresh old =
        stateless.verifyRefresh(
            stateless.createTokens("user-1", List.of(), Map.of(), Map.of()).refresh());
    assertEquals(
        AuthFailure.Reason.REVOKED,
        refusal(() -> jwt.rotate(old, "user-1", List.of(), Map.of(), Map.of())));
  }

  @Test
  void aSessionRefreshTokenNeedsATokenIdOfOurForm() {
    String sid = "\"sid\":\"AAAAAAAAAAAAAAAAAAAAAA\"";
    assertEquals(AuthFailure.Reason.MALFORMED, refusal(() -> jwt.verifyRefresh(refresh(sid))));
    assertEquals(
        AuthFailure.Reason.MALFORMED,
        refusal(() -> jwt.verifyRefresh(refresh("\"jti\":\"x\"," + sid))));
  }

  @Test
  void aForgedOrUnknownSidSignedWithOurSecretRotatesNothing() {
    // Well-formed and correctly signed, but no session of that id was ever started here.
    VerifiedRefresh forged =
        jwt.verifyRefresh(
            refresh("\"jti\":\"BBBBBBBBBBBBBBBBBBBBBB\",\"sid\":\"AAAAAAAAAAAAAAAAAAAAAA\""));
    assertEquals("AAAAAAAAAAAAAAAAAAAAAA", forged.sessionId());
    assertEquals(
        AuthFailure.Reason.REVOKED,
        refusal(() -> jwt.rotate(forged, "user-1", List.of(), Map.of(), Map.of())));
    assertEquals(0, store.sessionCount());
  }

  @Test
  void rotateKeepsTheSubjectAndRefusesBadDataBeforeTheStoreRotates() {
    TokenPair pair = jwt.createTokens("user-1", List.of(), Map.of(), Map.of());
    VerifiedRefresh refresh = jwt.verifyRefresh(pair.refresh());
    assertThrows(
        IllegalArgumentException.class,
        () -> jwt.rotate(refresh, "user-2", List.of(), Map.of(), Map.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> jwt.rotate(refresh, "user-1", List.of(), Map.of("bad", new Object()), Map.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> jwt.rotate(refresh, "user-1", null, Map.of(), Map.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> jwt.rotate(refresh, "user-1", List.of(), Map.of(), Map.of("x", "y".repeat(9000))));
    // None of those rotated: the presented token is still the current one.
    TokenPair next = jwt.rotate(refresh, "user-1", List.of("a"), Map.of(), Map.of());
    assertEquals(refresh.sessionId(), jwt.verify(next.access()).sessionId());
  }

  @Test
  void revokeSessionWantsASessionId() {
    assertThrows(IllegalArgumentException.class, () -> jwt.revokeSession(null));
    assertThrows(IllegalArgumentException.class, () -> jwt.revokeSession("not-a-session"));
    assertThrows(IllegalArgumentException.class, () -> jwt.revokeSubject(null));
    jwt.revokeSession("AAAAAAAAAAAAAAAAAAAAAA"); // no such session: nothing happens
  }

  /** A store whose backend is down. */
  private static final class DownStore implements SessionStore {
    final RuntimeException failure = new IllegalStateException("connection refused");
    Status status = Status.VALID;

    @Override
    public void create(String sid, String subject, String refreshId, long expiresAt, long now) {
      throw failure;
    }

    @Override
    public Rotation rotate(
        String sid, String presentedId, String nextId, long graceSeconds, long now) {
      throw failure;
    }

    @Override
    public void revokeSession(String sid, long now) {
      throw failure;
    }

    @Override
    public void revokeSubject(String subject, long issuedAtOrBefore, long keepUntil, long now) {
      throw failure;
    }

    @Override
    public Status revocationStatus(String sid, String subject, long issuedAt) {
      if (status == null) {
        throw failure;
      }
      return status;
    }
  }

  @Test
  void aStoreThatCannotAnswerIsA503AndNeverAnAcceptedToken() {
    DownStore down = new DownStore();
    ApoJwt jwt = TestTokens.hs256WithRefresh().sessions(down).build();
    ApoJwtException e =
        assertThrows(
            ApoJwtException.class, () -> jwt.createTokens("user-1", List.of(), Map.of(), Map.of()));
    assertEquals(503, e.status());
    assertEquals(AuthFailure.Reason.UNAVAILABLE, e.reason());
    assertSame(down.failure, e.getCause());
    assertNull(e.failure().wwwAuthenticate());
    assertEquals(AuthFailure.Reason.UNAVAILABLE, refusal(() -> jwt.revokeSubject("user-1")));
    assertEquals(
        AuthFailure.Reason.UNAVAILABLE, refusal(() -> jwt.revokeSession("AAAAAAAAAAAAAAAAAAAAAA")));

    String access = TestTokens.hs256(TestTokens.payload(""));
    assertEquals("user-1", jwt.verify(access).subject());
    down.status = SessionStore.Status.UNAVAILABLE;
    assertEquals(AuthFailure.Reason.UNAVAILABLE, refusal(() -> jwt.verify(access)));
    down.status = null; // a store breaking its contract by throwing: still a 503
    assertEquals(AuthFailure.Reason.UNAVAILABLE, refusal(() -> jwt.verify(access)));
    down.status = SessionStore.Status.REVOKED;
    assertEquals(AuthFailure.Reason.REVOKED, refusal(() -> jwt.verify(access)));
    down.status = SessionStore.Status.VALID;
    VerifiedRefresh refresh =
        jwt.verifyRefresh(
            refresh("\"jti\":\"BBBBBBBBBBBBBBBBBBBBBB\",\"sid\":\"AAAAAAAAAAAAAAAAAAAAAA\""));
    assertEquals(
        AuthFailure.Reason.UNAVAILABLE,
        refusal(() -> jwt.rotate(refresh, "user-1", List.of(), Map.of(), Map.of())));
    assertEquals(AuthFailure.Reason.UNAVAILABLE, refusal(() -> jwt.logout(refresh)));
  }
}
