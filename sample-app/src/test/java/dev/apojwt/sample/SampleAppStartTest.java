package dev.apojwt.sample;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apojwt.sample.config.AppConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service that cannot be configured safely does not start, and says what to fix. */
class SampleAppStartTest {
  private static AppConfig config(Map<String, String> extra) {
    Map<String, String> env =
        new HashMap<>(Map.of("PORT", "0", "PASSWORD_HASH_ITERATIONS", "1000"));
    env.putAll(extra);
    return AppConfig.fromEnvironment(env, new SecureRandom());
  }

  @Test
  void refusesAShortSecretWithoutEchoingIt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SampleApp.start(
                    config(Map.of("JWT_SECRET", "too-short-secret")), Clock.systemUTC()));
    assertTrue(e.getMessage().contains("JWT_SECRET"), e.getMessage());
    assertTrue(e.getMessage().contains("at least 32 bytes"), e.getMessage());
    assertFalse(e.getMessage().contains("too-short-secret"), e.getMessage());
  }

  @Test
  void refusesEqualAccessAndRefreshSecrets() {
    String secret = "the same secret for both kinds of token";
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SampleApp.start(
                    config(Map.of("JWT_SECRET", secret, "JWT_REFRESH_SECRET", secret)),
                    Clock.systemUTC()));
    assertTrue(e.getMessage().contains("must differ"), e.getMessage());
  }

  @Test
  void refusesAnAccessLifetimeNotShorterThanTheRefreshLifetime() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SampleApp.start(
                    config(Map.of("JWT_ACCESS_TTL", "PT2H", "JWT_REFRESH_TTL", "PT1H")),
                    Clock.systemUTC()));
    assertTrue(e.getMessage().contains("JWT_ACCESS_TTL"), e.getMessage());
  }

  @Test
  void refusesAUsersFileWithAPermissionTheServiceDoesNotKnow(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("users.json");
    Files.writeString(
        file,
        "{\"users\":[{\"username\":\"zoe\",\"password_hash\":\"pbkdf2-sha256$1000$c2FsdHNhbHQ$"
            + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\",\"permissions\":[\"orders:delete\"]}]}");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SampleApp.start(config(Map.of("USERS_FILE", file.toString())), Clock.systemUTC()));
    assertTrue(e.getMessage().contains("orders:delete"), e.getMessage());
    assertTrue(e.getMessage().contains("orders:admin"), e.getMessage());
  }

  @Test
  void refusesARedisItCannotReachWithoutEchoingItsPassword() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SampleApp.start(
                    config(Map.of("REDIS_URL", "redis://:hunter2@127.0.0.1:1")),
                    Clock.systemUTC()));
    assertTrue(
        e.getMessage().startsWith("REDIS_URL: cannot reach Redis at 127.0.0.1:1"), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }
}
