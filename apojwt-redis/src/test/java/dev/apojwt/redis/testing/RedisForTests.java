package dev.apojwt.redis.testing;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * {@link RedisServer} for JUnit tests: where {@code redis-server} is not installed, the calling
 * test is skipped with a loud message, except in CI ({@code CI=true} or {@code
 * APOJWT_REQUIRE_REDIS=true}, which {@code .ci/run} sets after installing it), where it fails.
 */
public final class RedisForTests {
  private RedisForTests() {}

  /** A running server without persistence, or the calling test is skipped or fails. */
  public static RedisServer start() {
    requireInstalled();
    return RedisServer.start();
  }

  /** A running server that keeps its data across a kill, or the test is skipped or fails. */
  public static RedisServer persistent() {
    requireInstalled();
    return RedisServer.persistent();
  }

  private static void requireInstalled() {
    if (RedisServer.isInstalled()) {
      return;
    }
    if ("true".equals(System.getenv("CI"))
        || "true".equals(System.getenv("APOJWT_REQUIRE_REDIS"))) {
      fail(RedisServer.NOT_INSTALLED);
    }
    System.err.println("\n*** SKIPPED: " + RedisServer.NOT_INSTALLED + " ***\n");
    Assumptions.abort(RedisServer.NOT_INSTALLED);
  }
}
