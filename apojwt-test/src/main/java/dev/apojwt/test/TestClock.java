package dev.apojwt.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until the test moves it, for the {@code ApoJwt} under test ({@code
 * ApoJwt.builder().clock(clock)}; {@link ApoJwtTest @ApoJwtTest} hands tests one wired to its
 * {@code ApoJwt}): move it past a token's lifetime to see it expire, or by less than the leeway to
 * see it still pass. Thread-safe; copies made by {@link #withZone} share its time.
 *
 * <pre>{@code
 * String token = tokens.access();
 * clock.advance(jwt.expPeriod());          // exp has come: refused as EXPIRED
 * }</pre>
 */
public final class TestClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private TestClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** A clock standing at {@code start}, in UTC. */
  public static TestClock at(Instant start) {
    return new TestClock(
        new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
  }

  /** A clock standing at the current time, in whole seconds (as token times are), in UTC. */
  public static TestClock startingNow() {
    return at(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  /** Moves the clock by {@code amount} (backwards when negative) and returns the new time. */
  public Instant advance(Duration amount) {
    Objects.requireNonNull(amount, "amount");
    return now.updateAndGet(t -> t.plus(amount));
  }

  /** Sets the clock to {@code instant}. */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** This clock in another zone, sharing its time: moving either moves both. */
  @Override
  public TestClock withZone(ZoneId zone) {
    return new TestClock(now, Objects.requireNonNull(zone, "zone"));
  }

  @Override
  public String toString() {
    return "TestClock[" + now.get() + ", " + zone + "]";
  }
}
