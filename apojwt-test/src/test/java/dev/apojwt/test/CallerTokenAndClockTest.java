package dev.apojwt.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.apojwt.ApoJwtException;
import dev.apojwt.AuthFailure;
import dev.apojwt.Template;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class CallerTokenAndClockTest {

  @Test
  void aTokenIsPresentedForTheCallAndUnboundAfterItAlsoWhenItThrows() throws Exception {
    assertNull(CallerToken.finder().find(null));
    assertEquals("t1", CallerToken.call("t1", () -> CallerToken.finder().find(null)));
    assertNull(CallerToken.current());
    assertThrows(
        IOException.class,
        () ->
            CallerToken.run(
                "t2",
                () -> {
                  throw new IOException("a handler's checked exception passes through");
                }));
    assertNull(CallerToken.current());
  }

  @Test
  void nestedCallsRestoreTheOuterToken() {
    CallerToken.run(
        "outer",
        () -> {
          assertNull(CallerToken.call(null, CallerToken::current));
          assertEquals("inner", CallerToken.call("inner", CallerToken::current));
          assertEquals("outer", CallerToken.current());
        });
  }

  @Test
  void anotherThreadSeesNoToken() {
    String seen =
        CallerToken.call("mine", () -> CompletableFuture.supplyAsync(CallerToken::current).join());
    assertNull(seen);
  }

  @Test
  void theTemplateFindsThePresentedTokenForBothKindsAndHandsRefusalsOnAsTheyAre() {
    Template template = CallerToken.template();
    CallerToken.run(
        "presented",
        () -> {
          assertEquals("presented", template.tokenFinder().find(null));
          assertEquals("presented", template.refreshFinder().find(null));
        });
    AuthFailure failure = AuthFailure.of(AuthFailure.Reason.FORBIDDEN, "a detail for logs");
    RuntimeException thrown = template.exceptionHandler().handle(failure, null);
    assertSame(failure, ((ApoJwtException) thrown).failure());
  }

  @Test
  void theClockStandsStillUntilMovedOrSet() {
    Instant start = Instant.parse("2030-01-01T00:00:00Z");
    TestClock clock = TestClock.at(start);
    assertEquals(start, clock.instant());
    assertEquals(start.toEpochMilli(), clock.millis());
    assertEquals(start.plusSeconds(90), clock.advance(Duration.ofSeconds(90)));
    assertEquals(start.plusSeconds(60), clock.advance(Duration.ofSeconds(-30)));
    clock.set(start);
    assertEquals(start, clock.instant());
  }

  @Test
  void aClockInAnotherZoneSharesTheTime() {
    TestClock clock = TestClock.at(Instant.EPOCH);
    TestClock paris = clock.withZone(ZoneId.of("Europe/Paris"));
    assertEquals(ZoneId.of("Europe/Paris"), paris.getZone());
    clock.advance(Duration.ofHours(1));
    assertEquals(Instant.EPOCH.plusSeconds(3600), paris.instant());
  }

  @Test
  void startingNowIsInWholeSeconds() {
    assertEquals(0, TestClock.startingNow().instant().getNano());
  }
}
