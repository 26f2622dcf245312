package dev.apojwt.benchmarks;

import dev.apojwt.ApoJwt;
import dev.apojwt.MemorySessionStore;
import dev.apojwt.SessionStore;
import dev.apojwt.TokenPair;
import dev.apojwt.VerifiedRefresh;
import dev.apojwt.VerifiedToken;
import dev.apojwt.redis.RedisSessionStore;
import dev.apojwt.redis.testing.RedisServer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sessions: what they add to verifying an access token (sessions off, in memory, and on Redis,
 * where verification reads the local mirror of the revocations), and the round trip of a refresh
 * rotation on loopback Redis. The Redis cases start a real {@code redis-server} (Debian's package)
 * on a free loopback port in their setup and stop it after; run with {@code -prof
 * dev.apojwt.benchmarks.CpuTimeProfiler} beside the wall-clock times on a shared machine.
 *
 * <p>With sessions on, the store holds revocations, so lookups take their real path: 1,000 ended
 * sessions and 100 revoked subjects, none of them the verified tokens'.
 */
public class SessionBenchmark {
  /** Ended sessions and revoked subjects in the store while measuring. */
  static final int ENDED_SESSIONS = 1_000;

  static final int REVOKED_SUBJECTS = 100;

  /** A store of the given kind, and the redis-server it needs. */
  @State(Scope.Benchmark)
  public static class Store {
    RedisServer redis;
    SessionStore store;

    SessionStore open(String kind) {
      switch (kind) {
        case "memory":
          store = new MemorySessionStore();
          return store;
        case "redis":
          redis = RedisServer.start();
          store = RedisSessionStore.create(redis.uri());
          return store;
        default:
          throw new IllegalArgumentException(kind);
      }
    }

    void close() throws IOException {
      if (store != null) {
        store.close();
      }
      if (redis != null) {
        redis.close();
      }
    }
  }

  /** Access-token verification, side by side: sessions off (stateless, as apojwt 1.7) and on. */
  @State(Scope.Benchmark)
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @Warmup(iterations = 4, time = 1)
  @Measurement(iterations = 5, time = 1)
  @Fork(2)
  public static class Verify {
    /**
     * {@code off}: stateless; {@code off-sid}: stateless, verifying tokens that carry a {@code sid}
     * (made with sessions: the longer token's cost without the check); {@code memory}, {@code
     * redis}: sessions on.
     */
    @Param({"off", "off-sid", "memory", "redis"})
    public String sessions;

    private final Store store = new Store();
    private ApoJwt jwt;
    private String[] tokens;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
      ApoJwt.Builder builder = Fixtures.apoJwt("HS256", null);
      if (sessions.equals("off")) {
        jwt = builder.build();
        tokens = Fixtures.tokens(jwt, List.of(Fixtures.PERMISSION, "orders:write"));
        return;
      }
      SessionStore sessionStore = store.open(sessions.equals("off-sid") ? "memory" : sessions);
      jwt = builder.sessions(sessionStore).build();
      tokens = new String[Fixtures.POOL];
      List<String> permissions = List.of(Fixtures.PERMISSION, "orders:write");
      for (int i = 0; i < Fixtures.POOL; i++) {
        tokens[i] =
            jwt.createTokens(
                    "user-" + i, permissions, Map.of("tenant", "acme", "seat", i), Map.of())
                .access();
      }
      for (int i = 0; i < ENDED_SESSIONS; i++) {
        TokenPair ended = jwt.createTokens("ended-" + i, permissions, Map.of(), Map.of());
        jwt.logout(jwt.verifyRefresh(ended.refresh()));
      }
      for (int i = 0; i < REVOKED_SUBJECTS; i++) {
        jwt.revokeSubject("fired-" + i);
      }
      if (sessions.equals("off-sid")) {
        jwt = Fixtures.apoJwt("HS256", null).build();
      }
      for (String token : tokens) {
        jwt.verify(token); // every token still passes: nothing measured is a refusal
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      store.close();
    }

    @Benchmark
    public boolean verify() {
      VerifiedToken token = jwt.verify(tokens[next]);
      next = (next + 1) & (Fixtures.POOL - 1);
      return token.hasPermission(Fixtures.PERMISSION);
    }
  }

  /**
   * One refresh as a service does it: verify the presented refresh token, rotate it in the store
   * (on Redis one Lua script), write the next pair. Sampled, for the percentiles.
   */
  @State(Scope.Thread)
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 5, time = 1)
  @Fork(2)
  public static class Rotate {
    @Param({"memory", "redis"})
    public String sessions;

    private final Store store = new Store();
    private ApoJwt jwt;
    private String refresh;

    @Setup(Level.Trial)
    public void setUp() {
      jwt = Fixtures.apoJwt("HS256", null).sessions(store.open(sessions)).build();
      refresh =
          jwt.createTokens("user-1", List.of(Fixtures.PERMISSION), Map.of(), Map.of()).refresh();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      store.close();
    }

    @Benchmark
    public String rotate() {
      VerifiedRefresh presented = jwt.verifyRefresh(refresh);
      TokenPair next =
          jwt.rotate(
              presented, presented.subject(), List.of(Fixtures.PERMISSION), Map.of(), Map.of());
      refresh = next.refresh();
      return next.access();
    }
  }
}
