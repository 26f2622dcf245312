package dev.apojwt.processor;

import dev.apojwt.ApoJwt;
import dev.apojwt.TokenPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Real ApoJwt configurations and real tokens for the behavioural tests. */
final class Tokens {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  static final String SECRET = "the-access-secret-of-the-processor-tests";
  static final String REFRESH_SECRET = "the-refresh-secret-of-the-processor-tests";
  static final String ADMIN = "admin";

  private Tokens() {}

  /** The configuration a service would have, at {@code now}. */
  static ApoJwt.Builder builder(Instant now) {
    return ApoJwt.builder()
        .secret(SECRET)
        .issuer("apojwt-tests")
        .serverAudience("orders")
        .adminPermission(ADMIN)
        .clock(Clock.fixed(now, ZoneOffset.UTC))
        .tokenFinder(call -> finderValue(call.argument(Request.class), false))
        .refresh(
            REFRESH_SECRET,
            Duration.ofDays(1),
            call -> finderValue(call.argument(Request.class), true));
  }

  private static String finderValue(Request request, boolean refresh) {
    if (request == null) {
      return null;
    }
    return refresh ? request.refreshCookie() : request.authorization();
  }

  static ApoJwt jwt() {
    return builder(NOW).build();
  }

  /** An access token for {@code subject} holding {@code permissions}, data {tenant: acme}. */
  static String access(String subject, String... permissions) {
    return jwt().createToken(subject, List.of(permissions), Map.of("tenant", "acme"));
  }

  /** An access token that expired 45 minutes ago (issued an hour ago, 15 minutes valid). */
  static String expired(String subject, String... permissions) {
    return builder(NOW.minus(Duration.ofHours(1)))
        .build()
        .createToken(subject, List.of(permissions), Map.of());
  }

  static TokenPair pair(String subject, String... permissions) {
    return jwt()
        .createTokens(
            subject, List.of(permissions), Map.of("tenant", "acme"), Map.of("session", "s-1"));
  }
}
