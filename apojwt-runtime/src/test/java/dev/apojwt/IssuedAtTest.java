package dev.apojwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code createToken(..., issuedAt)} and the read-only accessors that the test kit builds on: a
 * token issued at another instant keeps the configured lifetime and is judged by the verifier's own
 * clock; nothing about verification can be changed through them.
 */
class IssuedAtTest {
  private static final Instant NOW = TestTokens.NOW;

  private final ApoJwt jwt = TestTokens.hs256().expPeriod(Duration.ofMinutes(10)).build();

  @Test
  void theTokenIsIssuedAtTheGivenInstantWithTheConfiguredLifetime() {
    Instant past = NOW.minus(Duration.ofMinutes(3)).plusMillis(999);
    String token = jwt.createToken("alice", List.of("orders:read"), Map.of("k", "v"), past);

    VerifiedToken verified = jwt.verify(token);
    Instant second = NOW.minus(Duration.ofMinutes(3)); // rounded down to whole seconds
    assertEquals(second, verified.issuedAt());
    assertEquals(second, verified.notBefore());
    assertEquals(second.plus(Duration.ofMinutes(10)), verified.expiresAt());
    assertEquals("alice", verified.subject());
    assertEquals(java.util.Set.of("orders:read"), verified.permissions());
    assertEquals(Map.of("k", "v"), verified.data());
  }

  @Test
  void aTokenIssuedOneLifetimeAgoIsExpired() {
    String token = jwt.createToken("alice", List.of(), Map.of(), NOW.minus(Duration.ofMinutes(10)));
    ApoJwtException e = assertThrows(ApoJwtException.class, () -> jwt.verify(token));
    assertEquals(AuthFailure.Reason.EXPIRED, e.failure().reason());
  }

  @Test
  void aTokenIssuedInTheFutureIsNotYetValidUnlessWithinTheLeeway() {
    String later = jwt.createToken("alice", List.of(), Map.of(), NOW.plusSeconds(30));
    ApoJwtException e = assertThrows(ApoJwtException.class, () -> jwt.verify(later));
    assertEquals(AuthFailure.Reason.NOT_YET_VALID, e.failure().reason());

    ApoJwt lenient = TestTokens.hs256().leeway(Duration.ofSeconds(30)).build();
    assertEquals("alice", lenient.verify(later).subject());
  }

  @Test
  void theIssueInstantMustFitTheNumericDatesThatVerificationAccepts() {
    assertThrows(
        IllegalArgumentException.class,
        () -> jwt.createToken("a", List.of(), Map.of(), Instant.ofEpochSecond(-1)));
    Instant last = Instant.ofEpochSecond(Claims.MAX_NUMERIC_DATE).minus(Duration.ofMinutes(10));
    jwt.createToken("a", List.of(), Map.of(), last);
    IllegalArgumentException tooLate =
        assertThrows(
            IllegalArgumentException.class,
            () -> jwt.createToken("a", List.of(), Map.of(), last.plusSeconds(1)));
    assertTrue(tooLate.getMessage().contains("9999-12-31"), tooLate.getMessage());
  }

  @Test
  void nullArgumentsAreRefusedAsByTheCreateTokenWithoutAnInstant() {
    assertThrows(
        IllegalArgumentException.class, () -> jwt.createToken("a", List.of(), Map.of(), null));
    assertThrows(IllegalArgumentException.class, () -> jwt.createToken("a", null, Map.of(), NOW));
    assertThrows(IllegalArgumentException.class, () -> jwt.createToken("a", List.of(), null, NOW));
    assertThrows(
        IllegalArgumentException.class, () -> jwt.createToken(null, List.of(), Map.of(), NOW));
  }

  @Test
  void aVerifyOnlyApoJwtSaysItCannotCreateTokens() {
    ApoJwt verifyOnly =
        ApoJwt.builder().algorithm("ES256").verificationKey(TestTokens.ec256().getPublic()).build();
    assertFalse(verifyOnly.canCreateTokens());
    assertThrows(
        IllegalStateException.class, () -> verifyOnly.createToken("a", List.of(), Map.of(), NOW));
    assertTrue(jwt.canCreateTokens());
    assertTrue(
        ApoJwt.builder()
            .algorithm("ES256")
            .signingKeys(TestTokens.ec256())
            .build()
            .canCreateTokens());
  }

  @Test
  void theAccessorsReturnTheConfiguration() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    ApoJwt configured =
        ApoJwt.builder()
            .secret(TestTokens.SECRET)
            .clock(clock)
            .leeway(Duration.ofSeconds(20))
            .adminPermission("admin")
            .build();
    assertSame(clock, configured.clock());
    assertEquals(Duration.ofSeconds(20), configured.leeway());
    assertEquals("admin", configured.adminPermission());

    ApoJwt defaults = ApoJwt.builder().secret(TestTokens.SECRET).build();
    assertEquals(Clock.systemUTC(), defaults.clock());
    assertEquals(Duration.ZERO, defaults.leeway());
    assertNull(defaults.adminPermission());
  }
}
