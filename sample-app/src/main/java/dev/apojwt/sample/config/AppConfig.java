package dev.apojwt.sample.config;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The service's configuration, read from environment variables (see {@link #fromEnvironment}).
 * Immutable; {@link #toString()} never shows a secret.
 */
public final class AppConfig {
  /** Bytes of randomness in a generated secret: 384 bits, more than HS256 needs. */
  private static final int GENERATED_SECRET_BYTES = 48;

  public static final String PORT = "PORT";
  public static final String HOST = "HOST";
  public static final String JWT_SECRET = "JWT_SECRET";
  public static final String JWT_REFRESH_SECRET = "JWT_REFRESH_SECRET";
  public static final String JWT_ISSUER = "JWT_ISSUER";
  public static final String JWT_AUDIENCE = "JWT_AUDIENCE";
  public static final String JWT_ACCESS_TTL = "JWT_ACCESS_TTL";
  public static final String JWT_REFRESH_TTL = "JWT_REFRESH_TTL";
  public static final String USERS_FILE = "USERS_FILE";
  public static final String PASSWORD_HASH_ITERATIONS = "PASSWORD_HASH_ITERATIONS";
  public static final String REDIS_URL = "REDIS_URL";

  public static final int DEFAULT_PORT = 7070;
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final String DEFAULT_ISSUER = "apojwt-sample";
  public static final String DEFAULT_AUDIENCE = "apojwt-sample";
  public static final Duration DEFAULT_ACCESS_TTL = Duration.ofMinutes(15);
  public static final Duration DEFAULT_REFRESH_TTL = Duration.ofDays(1);

  /** OWASP's recommendation for PBKDF2-HMAC-SHA256 (2023). */
  public static final int DEFAULT_PASSWORD_HASH_ITERATIONS = 600_000;

  private final String host;
  private final int port;
  private final Secret accessSecret;
  private final Secret refreshSecret;
  private final String issuer;
  private final List<String> audience;
  private final Duration accessTtl;
  private final Duration refreshTtl;
  private final Path usersFile;
  private final int passwordHashIterations;
  private final String redisUrl;

  private AppConfig(
      String host,
      int port,
      Secret accessSecret,
      Secret refreshSecret,
      String issuer,
      List<String> audience,
      Duration accessTtl,
      Duration refreshTtl,
      Path usersFile,
      int passwordHashIterations,
      String redisUrl) {
    this.host = host;
    this.port = port;
    this.accessSecret = accessSecret;
    this.refreshSecret = refreshSecret;
    this.issuer = issuer;
    this.audience = List.copyOf(audience);
    this.accessTtl = accessTtl;
    this.refreshTtl = refreshTtl;
    this.usersFile = usersFile;
    this.passwordHashIterations = passwordHashIterations;
    this.redisUrl = redisUrl;
  }

  /** A secret and whether it was generated at start because none was configured. */
  public static final class Secret {
    private final String value;
    private final boolean generated;

    Secret(String value, boolean generated) {
      this.value = value;
      this.generated = generated;
    }

    /** The secret itself: hand it to ApoJwt, never to a log. */
    public String value() {
      return value;
    }

    /** True when no secret was configured and this one was generated randomly at start. */
    public boolean generated() {
      return generated;
    }

    @Override
    public String toString() {
      return generated ? "<generated>" : "<configured>";
    }
  }

  /** The configuration from the process environment. */
  public static AppConfig fromEnvironment() {
    return fromEnvironment(System.getenv(), new SecureRandom());
  }

  /**
   * The configuration from {@code env}. Unset or blank variables take their defaults; a missing
   * secret is generated from {@code random}.
   *
   * @throws IllegalArgumentException naming every variable that is invalid, and why
   */
  public static AppConfig fromEnvironment(Map<String, String> env, SecureRandom random) {
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(random, "random");
    List<String> problems = new ArrayList<>();
    Reader r = new Reader(env, problems);
    String host = r.string(HOST, DEFAULT_HOST);
    int port = r.integer(PORT, DEFAULT_PORT, 0, 65535);
    Secret accessSecret = r.secret(JWT_SECRET, random);
    Secret refreshSecret = r.secret(JWT_REFRESH_SECRET, random);
    String issuer = r.string(JWT_ISSUER, DEFAULT_ISSUER);
    List<String> audience = r.list(JWT_AUDIENCE, DEFAULT_AUDIENCE);
    Duration accessTtl = r.duration(JWT_ACCESS_TTL, DEFAULT_ACCESS_TTL);
    Duration refreshTtl = r.duration(JWT_REFRESH_TTL, DEFAULT_REFRESH_TTL);
    String users = r.string(USERS_FILE, null);
    int iterations =
        r.integer(PASSWORD_HASH_ITERATIONS, DEFAULT_PASSWORD_HASH_ITERATIONS, 1, 100_000_000);
    String redisUrl = r.string(REDIS_URL, null);
    if (redisUrl != null && !redisUrl.startsWith("redis://") && !redisUrl.startsWith("rediss://")) {
      problems.add(REDIS_URL + " must be a redis:// or rediss:// URL");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid configuration:\n  " + String.join("\n  ", problems));
    }
    return new AppConfig(
        host,
        port,
        accessSecret,
        refreshSecret,
        issuer,
        audience,
        accessTtl,
        refreshTtl,
        users == null ? null : Path.of(users),
        iterations,
        redisUrl);
  }

  /** Reads variables, collecting problems instead of failing at the first. */
  private static final class Reader {
    private final Map<String, String> env;
    private final List<String> problems;

    Reader(Map<String, String> env, List<String> problems) {
      this.env = env;
      this.problems = problems;
    }

    private String raw(String name) {
      String value = env.get(name);
      return value == null || value.isBlank() ? null : value.strip();
    }

    String string(String name, String fallback) {
      String value = raw(name);
      return value == null ? fallback : value;
    }

    int integer(String name, int fallback, int min, int max) {
      String value = raw(name);
      if (value == null) {
        return fallback;
      }
      try {
        int number = Integer.parseInt(value);
        if (number >= min && number <= max) {
          return number;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      problems.add(
          name + " must be a whole number from " + min + " to " + max + "; got '" + value + "'");
      return fallback;
    }

    List<String> list(String name, String fallback) {
      String value = string(name, fallback);
      List<String> items = new ArrayList<>();
      for (String item : value.split(",")) {
        if (!item.isBlank()) {
          items.add(item.strip());
        }
      }
      if (items.isEmpty()) {
        problems.add(name + " must list at least one name (comma-separated)");
      }
      return items;
    }

    /** Seconds ("900") or an ISO-8601 duration ("PT15M", "P1D"); positive and whole seconds. */
    Duration duration(String name, Duration fallback) {
      String value = raw(name);
      if (value == null) {
        return fallback;
      }
      Duration duration = null;
      try {
        duration =
            value.chars().allMatch(Character::isDigit)
                ? Duration.ofSeconds(Long.parseLong(value))
                : Duration.parse(value);
      } catch (NumberFormatException | DateTimeParseException e) {
        // reported below
      }
      if (duration == null
          || duration.isNegative()
          || duration.isZero()
          || duration.getNano() != 0) {
        problems.add(
            name
                + " must be a positive whole number of seconds or an ISO-8601 duration such as"
                + " PT15M; got '"
                + value
                + "'");
        return fallback;
      }
      return duration;
    }

    Secret secret(String name, SecureRandom random) {
      // Secrets are not stripped: every character is part of the key.
      String value = env.get(name);
      if (value != null && !value.isEmpty()) {
        return new Secret(value, false);
      }
      byte[] bytes = new byte[GENERATED_SECRET_BYTES];
      random.nextBytes(bytes);
      String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      Arrays.fill(bytes, (byte) 0);
      return new Secret(generated, true);
    }
  }

  /** The address to listen on; 127.0.0.1 unless {@code HOST} says otherwise. */
  public String host() {
    return host;
  }

  /** The port to listen on; 0 picks a free one. */
  public int port() {
    return port;
  }

  public Secret accessSecret() {
    return accessSecret;
  }

  public Secret refreshSecret() {
    return refreshSecret;
  }

  public String issuer() {
    return issuer;
  }

  public List<String> audience() {
    return audience;
  }

  public Duration accessTtl() {
    return accessTtl;
  }

  public Duration refreshTtl() {
    return refreshTtl;
  }

  /** The users file, or null for the built-in demo users. */
  public Path usersFile() {
    return usersFile;
  }

  /** PBKDF2 iterations for passwords hashed by this process. */
  public int passwordHashIterations() {
    return passwordHashIterations;
  }

  /**
   * The Redis that shares sessions between instances ({@code REDIS_URL}), or null: sessions in
   * memory, one instance. May carry a password: never log it.
   */
  public String redisUrl() {
    return redisUrl;
  }

  /** Everything but the secrets' values. */
  @Override
  public String toString() {
    return "AppConfig[host="
        + host
        + ", port="
        + port
        + ", accessSecret="
        + accessSecret
        + ", refreshSecret="
        + refreshSecret
        + ", issuer="
        + issuer
        + ", audience="
        + audience
        + ", accessTtl="
        + accessTtl
        + ", refreshTtl="
        + refreshTtl
        + ", usersFile="
        + (usersFile == null ? "<built-in demo users>" : usersFile)
        + ", passwordHashIterations="
        + passwordHashIterations
        + ", sessions="
        + (redisUrl == null ? "memory" : "redis (REDIS_URL)")
        + "]";
  }
}
