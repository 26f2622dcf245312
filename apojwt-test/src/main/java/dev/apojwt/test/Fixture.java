package dev.apojwt.test;

import dev.apojwt.ApoJwt;
import java.lang.reflect.AnnotatedElement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** What {@link ApoJwtTest @ApoJwtTest} hands a test: an ApoJwt, its tokens and its clock. */
final class Fixture {
  /** Throwaway keys of the ApoJwts that @ApoJwtTest makes, one set per JVM. */
  private static final KeyCache KEYS = new KeyCache();

  /** One {@code @ApoJwtTest}'s attributes; equal attributes, equal configuration. */
  record Config(
      String algorithm,
      boolean refresh,
      String issuer,
      List<String> audience,
      String adminPermission,
      Duration expPeriod,
      Duration refreshPeriod,
      Duration leeway) {}

  final TestClock clock;
  final ApoJwt jwt;
  final TestTokens tokens;

  Fixture(Config config, AnnotatedElement where) {
    this.clock = TestClock.startingNow();
    try {
      this.jwt = build(config, clock);
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(
          "@ApoJwtTest on " + where + " configures no valid ApoJwt: " + e.getMessage(), e);
    }
    this.tokens = TestTokens.of(jwt);
  }

  private static ApoJwt build(Config config, TestClock clock) {
    String algorithm = config.algorithm(); // in any case, as the builder takes it
    ApoJwt.Builder builder =
        ApoJwt.builder()
            .algorithm(algorithm)
            .issuer(config.issuer())
            .serverAudience(config.audience())
            .expPeriod(config.expPeriod())
            .leeway(config.leeway())
            .clock(clock)
            .template(CallerToken.template());
    if (KeyFamily.of(algorithm) == KeyFamily.HMAC) {
      builder.secret(KEYS.secret("access", 64));
    } else if (KEYS.pairFor(algorithm, 0) != null) {
      builder.signingKeys(KEYS.pairFor(algorithm, 0));
    } // else build() says which algorithms there are
    if (!config.adminPermission().isEmpty()) {
      builder.adminPermission(config.adminPermission());
    }
    if (config.refresh()) {
      builder.refresh(KEYS.secret("refresh", 64), config.refreshPeriod());
    }
    return builder.build();
  }
}
