package dev.apojwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** verifiedCache: a hit skips the signature and the parse, never the per-call checks. */
class VerifiedCacheTest {
  private final Keys.MovableClock clock = new Keys.MovableClock(TestTokens.NOW);

  private ApoJwt cached(int maxTokens, Duration leeway) {
    return ApoJwt.builder()
        .algorithm("ES256")
        .signingKeys("k", Keys.EC_NEW)
        .expPeriod(Duration.ofMinutes(15))
        .leeway(leeway)
        .verifiedCache(maxTokens)
        .clock(clock)
        .build();
  }

  private static VerifiedCache<?> cacheOf(ApoJwt jwt) throws ReflectiveOperationException {
    java.lang.reflect.Field verifier = ApoJwt.class.getDeclaredField("accessVerifier");
    verifier.setAccessible(true);
    java.lang.reflect.Field cache = TokenVerifier.class.getDeclaredField("cache");
    cache.setAccessible(true);
    return (VerifiedCache<?>) cache.get(verifier.get(jwt));
  }

  @Test
  void aTokenSeenAgainIsTheVerifiedTokenOfBefore() {
    ApoJwt jwt = cached(100, Duration.ZERO);
    String token = jwt.createToken("u", List.of("p"), Map.of("a", 1));
    VerifiedToken first = jwt.verify(token);
    assertSame(first, jwt.verify(token));
    assertSame(
        first,
        jwt.authorize(
            AccessRule.forMethod("H", "m(String)").bearerParameter(0).token(), "Bearer " + token));
    ApoJwt uncached =
        ApoJwt.builder().algorithm("ES256").signingKeys("k", Keys.EC_NEW).clock(clock).build();
    assertNotSame(uncached.verify(token), uncached.verify(token));
  }

  @Test
  void aHitStillChecksExpiryAgainstTheClockWithTheLeeway() throws Exception {
    ApoJwt jwt = cached(100, Duration.ofSeconds(30));
    String token = jwt.createToken("u", List.of(), Map.of());
    jwt.verify(token);
    clock.advance(Duration.ofMinutes(15).plusSeconds(29)); // exp + 29 s: within the leeway
    assertEquals("u", jwt.verify(token).subject());
    assertEquals(1, cacheOf(jwt).size());
    clock.advance(Duration.ofSeconds(1)); // exp + leeway: refused, and gone from the cache
    assertEquals(
        AuthFailure.Reason.EXPIRED,
        assertThrows(ApoJwtException.class, () -> jwt.verify(token)).reason());
    assertEquals(0, cacheOf(jwt).size());
  }

  @Test
  void aHitStillChecksNotBeforeAgainstTheClock() {
    ApoJwt jwt = cached(100, Duration.ZERO);
    String token = jwt.createToken("u", List.of(), Map.of());
    jwt.verify(token);
    clock.advance(Duration.ofSeconds(-10)); // the clock stepped back: nbf is now in the future
    assertEquals(
        AuthFailure.Reason.NOT_YET_VALID,
        assertThrows(ApoJwtException.class, () -> jwt.verify(token)).reason());
  }

  @Test
  void onlyTheWholeTokenHits() {
    ApoJwt jwt = cached(100, Duration.ZERO);
    String token = jwt.createToken("u", List.of(), Map.of());
    jwt.verify(token);
    String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BA" : "AA");
    assertEquals(
        AuthFailure.Reason.BAD_SIGNATURE,
        assertThrows(ApoJwtException.class, () -> jwt.verify(tampered)).reason());
    assertEquals(
        AuthFailure.Reason.MALFORMED,
        assertThrows(ApoJwtException.class, () -> jwt.verify(" " + token)).reason());
  }

  @Test
  void itHoldsAtMostMaxTokensAndNeverFailedOnes() throws Exception {
    ApoJwt jwt = cached(8, Duration.ZERO);
    for (int i = 0; i < 50; i++) {
      jwt.verify(jwt.createToken("u" + i, List.of(), Map.of()));
    }
    assertTrue(cacheOf(jwt).size() <= 8, "size " + cacheOf(jwt).size());
    ApoJwt empty = cached(8, Duration.ZERO);
    assertThrows(ApoJwtException.class, () -> empty.verify("a.b.c"));
    assertEquals(0, cacheOf(empty).size());
  }

  @Test
  void refreshTokensAreNotCached() {
    ApoJwt jwt =
        ApoJwt.builder()
            .secret(TestTokens.SECRET)
            .refresh(TestTokens.REFRESH_SECRET, Duration.ofDays(1), c -> null)
            .verifiedCache(10)
            .clock(clock)
            .build();
    String refresh = jwt.createTokens("u", List.of(), Map.of(), Map.of()).refresh();
    assertNotSame(jwt.verifyRefresh(refresh), jwt.verifyRefresh(refresh));
  }

  @Test
  void aHitStillChecksRevocationWithSessions() {
    ApoJwt jwt =
        ApoJwt.builder()
            .algorithm("ES256")
            .signingKeys("k", Keys.EC_NEW)
            .refresh(TestTokens.REFRESH_SECRET, Duration.ofDays(1), call -> null)
            .sessions(new MemorySessionStore())
            .verifiedCache(100)
            .clock(clock)
            .build();
    TokenPair pair = jwt.createTokens("u", List.of("p"), Map.of(), Map.of());
    TokenPair other = jwt.createTokens("v", List.of("p"), Map.of(), Map.of());
    VerifiedToken first = jwt.verify(pair.access());
    assertSame(first, jwt.verify(pair.access())); // a hit
    jwt.verify(other.access());

    jwt.logout(jwt.verifyRefresh(pair.refresh()));
    assertEquals(
        AuthFailure.Reason.REVOKED,
        assertThrows(ApoJwtException.class, () -> jwt.verify(pair.access())).reason());

    jwt.revokeSubject("v");
    assertEquals(
        AuthFailure.Reason.REVOKED,
        assertThrows(ApoJwtException.class, () -> jwt.verify(other.access())).reason());
  }
}
