package dev.apojwt.sample.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppConfigTest {
  private static AppConfig read(Map<String, String> env) {
    return AppConfig.fromEnvironment(env, new SecureRandom());
  }

  @Test
  void defaultsGenerateDistinctRandomSecrets() {
    AppConfig config = read(Map.of());
    assertEquals("127.0.0.1", config.host());
    assertEquals(7070, config.port());
    assertEquals("apojwt-sample", config.issuer());
    assertEquals(List.of("apojwt-sample"), config.audience());
    assertEquals(Duration.ofMinutes(15), config.accessTtl());
    assertEquals(Duration.ofDays(1), config.refreshTtl());
    assertNull(config.usersFile());
    assertEquals(600_000, config.passwordHashIterations());
    assertTrue(config.accessSecret().generated());
    assertTrue(config.refreshSecret().generated());
    assertTrue(config.accessSecret().value().length() >= 64);
    assertNotEquals(config.accessSecret().value(), config.refreshSecret().value());
    assertNotEquals(config.accessSecret().value(), read(Map.of()).accessSecret().value());
  }

  @Test
  void readsEveryVariable() {
    AppConfig config =
        read(
            Map.of(
                "PORT", "0",
                "HOST", "localhost",
                "JWT_SECRET", "s".repeat(40),
                "JWT_REFRESH_SECRET", "r".repeat(40),
                "JWT_ISSUER", "shop",
                "JWT_AUDIENCE", " orders , billing ,",
                "JWT_ACCESS_TTL", "300",
                "JWT_REFRESH_TTL", "P7D",
                "USERS_FILE", "/etc/users.json",
                "PASSWORD_HASH_ITERATIONS", "1000"));
    assertEquals(0, config.port());
    assertEquals("localhost", config.host());
    assertEquals("s".repeat(40), config.accessSecret().value());
    assertFalse(config.accessSecret().generated());
    assertEquals("r".repeat(40), config.refreshSecret().value());
    assertEquals("shop", config.issuer());
    assertEquals(List.of("orders", "billing"), config.audience());
    assertEquals(Duration.ofMinutes(5), config.accessTtl());
    assertEquals(Duration.ofDays(7), config.refreshTtl());
    assertEquals(Path.of("/etc/users.json"), config.usersFile());
    assertEquals(1000, config.passwordHashIterations());
  }

  @Test
  void reportsEveryInvalidVariableAtOnce() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                read(
                    Map.of(
                        "PORT", "70000",
                        "JWT_ACCESS_TTL", "-5",
                        "JWT_REFRESH_TTL", "PT0.5S",
                        "JWT_AUDIENCE", " , ",
                        "PASSWORD_HASH_ITERATIONS", "many")));
    String message = e.getMessage();
    for (String name :
        List.of(
            "PORT",
            "JWT_ACCESS_TTL",
            "JWT_REFRESH_TTL",
            "JWT_AUDIENCE",
            "PASSWORD_HASH_ITERATIONS")) {
      assertTrue(message.contains(name), () -> name + " missing from: " + message);
    }
  }

  @Test
  void sessionsAreInMemoryUnlessARedisUrlIsGiven() {
    assertEquals(null, read(Map.of()).redisUrl());
    assertTrue(read(Map.of()).toString().contains("sessions=memory"));
    AppConfig shared = read(Map.of("REDIS_URL", "redis://:hunter2@127.0.0.1:6379/0"));
    assertEquals("redis://:hunter2@127.0.0.1:6379/0", shared.redisUrl());
    assertTrue(shared.toString().contains("sessions=redis (REDIS_URL)"), shared.toString());
    assertTrue(!shared.toString().contains("hunter2"), shared.toString());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> read(Map.of("REDIS_URL", "http://x")));
    assertTrue(e.getMessage().contains("REDIS_URL must be a redis:// or rediss:// URL"));
  }

  @Test
  void toStringNeverShowsSecrets() {
    AppConfig configured =
        read(
            Map.of(
                "JWT_SECRET",
                "configured-secret-".repeat(3),
                "JWT_REFRESH_SECRET",
                "x".repeat(33)));
    String text = configured.toString();
    assertFalse(text.contains("configured-secret-"), text);
    assertFalse(text.contains("x".repeat(33)), text);
    AppConfig generated = read(Map.of());
    assertFalse(generated.toString().contains(generated.accessSecret().value()));
    assertFalse(generated.toString().contains(generated.refreshSecret().value()));
  }
}
