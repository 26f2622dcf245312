package dev.apojwt.redis;

import dev.apojwt.RevocationList;
import dev.apojwt.SessionStore;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * A {@link SessionStore} on Redis, shared by every instance of a service: a session started,
 * rotated or revoked on one instance is seen by all of them.
 *
 * <pre>{@code
 * ApoJwt jwt = ApoJwt.builder()...refresh(refreshSecret, Duration.ofDays(1))
 *     .sessions(RedisSessionStore.create("redis://127.0.0.1:6379"))
 *     .build();
 * }</pre>
 *
 * <ul>
 *   <li><b>Atomic</b>: creating, rotating and ending a session are each one Lua script inside
 *       Redis, so of many instances presenting the same refresh token at once exactly one rotates
 *       it. Session keys expire with the session.
 *   <li><b>No round trip per token</b>: verification reads a local mirror of the revocations. Redis
 *       publishes each revocation to every instance's mirror (milliseconds); besides, every {@link
 *       Options#syncInterval sync interval} (default 1 s) each instance compares the version of the
 *       revocations in Redis with its mirror's and reads them all when they differ, so nothing
 *       published while it was disconnected is missed: a revocation reaches every connected
 *       instance within one sync interval.
 *   <li><b>Redis unreachable</b>: creating and rotating fail closed with a 503 ({@code
 *       UNAVAILABLE}) after at most the {@link Options#commandTimeout command timeout} (default 1
 *       s; at once while the connection is known to be down); access tokens keep being checked
 *       against the last known revocations for {@link Options#maxStaleness} (default 30 s), then,
 *       by default, refused with a 503 ({@link WhenStale#REFUSE}), or accepted as before ({@link
 *       WhenStale#ACCEPT}). The client reconnects by itself (backing off up to 1 s).
 *   <li><b>Redis restarted empty</b> (or a replica promoted without the latest writes): the
 *       sessions are gone, so their refresh tokens are refused and their users log in again; the
 *       revocations are not: each mirror keeps what it knew until every token it covers has
 *       expired, and writes back what Redis lacks.
 * </ul>
 *
 * One Redis (a primary, standalone or managed by Sentinel); the scripts touch several keys, so
 * Redis Cluster is not supported. Close the store when the service stops.
 */
public final class RedisSessionStore implements SessionStore {
  private static final System.Logger LOG = System.getLogger(RedisSessionStore.class.getName());

  /** What to do with access tokens once the mirror is older than {@link Options#maxStaleness}. */
  public enum WhenStale {
    /** Refuse them with a 503 ({@code UNAVAILABLE}): a revocation is never missed for longer. */
    REFUSE,
    /** Keep checking them against the last known revocations, however old. */
    ACCEPT
  }

  /** How a {@link RedisSessionStore} behaves; every setting has a sensible default. */
  public static final class Options {
    private String keyPrefix = "apojwt:";
    private Duration commandTimeout = Duration.ofSeconds(1);
    private Duration syncInterval = Duration.ofSeconds(1);
    private Duration maxStaleness = Duration.ofSeconds(30);
    private WhenStale whenStale = WhenStale.REFUSE;
    private Duration startTimeout = Duration.ofSeconds(10);

    /** The prefix of every key and of the channel; default {@code apojwt:}. */
    public Options keyPrefix(String prefix) {
      this.keyPrefix = Objects.requireNonNull(prefix, "keyPrefix");
      return this;
    }

    /** How long a Redis command may take before the call fails with a 503; default 1 s. */
    public Options commandTimeout(Duration timeout) {
      this.commandTimeout = positive(timeout, "commandTimeout");
      return this;
    }

    /**
     * How often the mirror is checked against Redis (and so the longest a revocation takes to reach
     * an instance that missed its publication); default 1 s.
     */
    public Options syncInterval(Duration interval) {
      this.syncInterval = positive(interval, "syncInterval");
      return this;
    }

    /**
     * How long access tokens are checked against the last known revocations once the mirror can no
     * longer be confirmed current (Redis unreachable); default 30 s: longer than a restart or a
     * failover usually takes, so a blip is no outage, and short against a 15-minute access token.
     */
    public Options maxStaleness(Duration staleness) {
      this.maxStaleness = positive(staleness, "maxStaleness");
      return this;
    }

    /**
     * What happens to access tokens after {@link #maxStaleness}; default {@link WhenStale#REFUSE}.
     */
    public Options whenStale(WhenStale policy) {
      this.whenStale = Objects.requireNonNull(policy, "whenStale");
      return this;
    }

    /**
     * How long {@link RedisSessionStore#create} keeps trying to connect and read the revocations
     * before it fails (Redis still starting, a busy machine); default 10 s.
     */
    public Options startTimeout(Duration timeout) {
      this.startTimeout = positive(timeout, "startTimeout");
      return this;
    }

    private static Duration positive(Duration d, String what) {
      Objects.requireNonNull(d, what);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive; got " + d);
      }
      return d;
    }
  }

  private final String target;
  private final Keys keys;
  private final Duration commandTimeout;
  private final long maxStalenessNanos;
  private final WhenStale whenStale;
  private final ClientResources resources;
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final RedisCommands<String, String> redis;
  private final StatefulRedisPubSubConnection<String, String> pubSub;
  private final ScheduledExecutorService scheduler;
  private final Mirror mirror = new Mirror();

  /** The latest {@code now} apojwt passed in: the clock the mirror prunes and snapshots by. */
  private final AtomicLong lastNow = new AtomicLong();

  private volatile boolean reachable = true;

  private RedisSessionStore(RedisURI uri, Options options) {
    this.target = uri.getHost() + ":" + uri.getPort(); // never the password
    this.keys = new Keys(options.keyPrefix);
    this.commandTimeout = options.commandTimeout;
    this.maxStalenessNanos = options.maxStaleness.toNanos();
    this.whenStale = options.whenStale;
    this.resources =
        ClientResources.builder()
            .ioThreadPoolSize(2)
            .computationThreadPoolSize(2)
            .reconnectDelay(
                Delay.exponential(
                    Duration.ofMillis(20), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
            .build();
    uri.setTimeout(commandTimeout);
    this.client = RedisClient.create(resources, uri);
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            // Fail at once while disconnected rather than queue: a 503 now beats a late answer.
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            // Never resend a command after a reconnect: its caller has been answered (503).
            .replayFilter(command -> true)
            .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
            .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout).build())
            .build());
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "apojwt-redis-sync " + target);
              t.setDaemon(true);
              return t;
            });
    long deadline = System.nanoTime() + options.startTimeout.toNanos();
    try {
      this.connection = untilDeadline(client::connect, deadline);
      this.redis = connection.sync();
      this.pubSub = untilDeadline(client::connectPubSub, deadline);
      pubSub.addListener(
          new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
              mirror.apply(message);
            }
          });
      untilDeadline(
          () -> {
            pubSub.sync().subscribe(keys.channel);
            sync(); // the revocations, before the first token is checked
            return null;
          },
          deadline);
    } catch (RuntimeException e) {
      closeQuietly();
      throw new IllegalStateException(
          "cannot reach Redis at " + target + " (" + e.getClass().getSimpleName() + ")", e);
    }
    long interval = options.syncInterval.toNanos();
    scheduler.scheduleWithFixedDelay(this::syncQuietly, interval, interval, TimeUnit.NANOSECONDS);
  }

  /**
   * Runs {@code step} until it succeeds or {@code deadline} passes: Redis may be starting, or this
   * machine too busy to finish a handshake within the command timeout. An answer from Redis that
   * says no (a wrong password, an unknown command) is final.
   */
  private static <T> T untilDeadline(Supplier<T> step, long deadline) {
    while (true) {
      try {
        return step.get();
      } catch (RuntimeException e) {
        if (isRefusal(e) || System.nanoTime() + RETRY_PAUSE_NANOS > deadline) {
          throw e;
        }
      }
      LockSupport.parkNanos(RETRY_PAUSE_NANOS);
      if (Thread.currentThread().isInterrupted()) {
        throw new IllegalStateException("interrupted while connecting");
      }
    }
  }

  private static final long RETRY_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private static boolean isRefusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RedisCommandExecutionException) {
        return true;
      }
    }
    return false;
  }

  /**
   * A store on the Redis at {@code redisUri} ({@code redis://[:password@]host[:port][/database]},
   * or {@code rediss://} for TLS), with the default {@link Options}. Connects, and reads the
   * revocations, before it returns: trying for up to {@link Options#startTimeout} (10 s), so a
   * service may start alongside its Redis.
   *
   * @throws IllegalStateException if Redis cannot be reached within that time
   * @throws IllegalArgumentException if the URI is not a Redis URI
   */
  public static RedisSessionStore create(String redisUri) {
    return create(redisUri, new Options());
  }

  /** A store on the Redis at {@code redisUri}, with these options. */
  public static RedisSessionStore create(String redisUri, Options options) {
    Objects.requireNonNull(redisUri, "redisUri");
    Objects.requireNonNull(options, "options");
    RedisURI uri;
    try {
      uri = RedisURI.create(redisUri);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "not a Redis URI (redis://host:port): " + e.getClass().getSimpleName());
    }
    return new RedisSessionStore(uri, options);
  }

  /** Options for {@link #create(String, Options)}. */
  public static Options options() {
    return new Options();
  }

  // ---------------------------------------------------------------- SessionStore

  @Override
  public void create(String sid, String subject, String refreshId, long expiresAt, long now) {
    observe(now);
    long ttl = Math.max(1, expiresAt - now);
    Script.CREATE.run(
        redis,
        ScriptOutputType.INTEGER,
        new String[] {keys.session(sid), keys.subject(subject)},
        sid,
        subject,
        refreshId,
        Long.toString(expiresAt),
        Long.toString(ttl),
        Long.toString(now),
        keys.sessionPrefix);
  }

  @Override
  public Rotation rotate(
      String sid, String presentedId, String nextId, long graceSeconds, long now) {
    observe(now);
    List<Object> answer =
        Script.ROTATE.run(
            redis,
            ScriptOutputType.MULTI,
            new String[] {keys.session(sid), keys.endedSessions, keys.version},
            presentedId,
            nextId,
            Long.toString(graceSeconds),
            Long.toString(now),
            sid,
            keys.channel);
    switch ((String) answer.get(0)) {
      case "rotated":
        return Rotation.rotated((String) answer.get(1), Long.parseLong((String) answer.get(2)));
      case "grace":
        return Rotation.grace((String) answer.get(1), Long.parseLong((String) answer.get(2)));
      case "reused":
        // Refused here at once, whatever the way back from Redis takes.
        mirror.revocations.revokeSession(sid, Long.parseLong((String) answer.get(1)));
        return Rotation.reused();
      default:
        return Rotation.ended();
    }
  }

  @Override
  public void revokeSession(String sid, long now) {
    observe(now);
    String expiresAt =
        Script.REVOKE.run(
            redis,
            ScriptOutputType.VALUE,
            new String[] {keys.session(sid), keys.endedSessions, keys.version},
            sid,
            keys.channel,
            Long.toString(now));
    long until = Long.parseLong(expiresAt);
    if (until > 0) {
      mirror.revocations.revokeSession(sid, until); // refused here at once
    }
  }

  @Override
  public void revokeSubject(String subject, long issuedAtOrBefore, long keepUntil, long now) {
    observe(now);
    Script.REVOKE_SUBJECT.run(
        redis,
        ScriptOutputType.INTEGER,
        new String[] {
          keys.subject(subject),
          keys.endedSessions,
          keys.version,
          keys.revokedSubjects,
          keys.cutoffs
        },
        subject,
        Long.toString(issuedAtOrBefore),
        Long.toString(keepUntil),
        Long.toString(now),
        keys.channel,
        keys.sessionPrefix);
    // This instance refuses them at once, whatever the way back from Redis takes.
    mirror.revocations.revokeSubject(subject, issuedAtOrBefore, keepUntil);
  }

  @Override
  public Status revocationStatus(String sid, String subject, long issuedAt) {
    if (mirror.revocations.isRevoked(sid, subject, issuedAt)) {
      return Status.REVOKED;
    }
    if (!mirror.isFresh(System.nanoTime(), maxStalenessNanos)
        && (whenStale == WhenStale.REFUSE || !mirror.everConfirmed())) {
      return Status.UNAVAILABLE;
    }
    return Status.VALID;
  }

  // ---------------------------------------------------------------- the mirror

  private void observe(long now) {
    lastNow.accumulateAndGet(now, Math::max);
  }

  private void syncQuietly() {
    try {
      sync();
      if (!reachable) {
        reachable = true;
        LOG.log(Level.INFO, "Redis at {0} reachable again; revocations in sync", target);
      }
    } catch (RuntimeException e) {
      if (reachable) {
        reachable = false;
        LOG.log(
            Level.WARNING,
            "Redis at {0} unreachable ({1}): refresh fails with 503; access tokens are checked"
                + " against the last known revocations for up to the configured staleness",
            target,
            e.getClass().getSimpleName());
      }
    }
  }

  /**
   * Confirms the mirror current: compares Redis's generation and version of the revocations with
   * the mirror's, and on a difference reads them all and writes back what Redis lacks.
   */
  private void sync() {
    long started = System.nanoTime();
    long now = lastNow.get();
    mirror.revocations.prune(now);
    List<KeyValue<String, String>> at = redis.mget(keys.generation, keys.version);
    String generation = at.get(0).getValueOrElse(null);
    String version = at.get(1).getValueOrElse(null);
    if (!mirror.isAt(generation, version)) {
      Mirror.Snapshot snapshot = snapshot(now);
      Mirror.Missing missing = mirror.adopt(snapshot);
      if (!missing.isEmpty()) {
        writeBack(snapshot.version, missing);
      }
    }
    mirror.confirm(started);
  }

  private Mirror.Snapshot snapshot(long now) {
    List<Object> answer =
        Script.SNAPSHOT.run(
            redis,
            ScriptOutputType.MULTI,
            new String[] {
              keys.generation, keys.version, keys.endedSessions, keys.revokedSubjects, keys.cutoffs
            },
            Long.toString(now),
            UUID.randomUUID().toString());
    Map<String, Long> sessions = new HashMap<>();
    List<?> ended = (List<?>) answer.get(2);
    for (int i = 0; i + 1 < ended.size(); i += 2) {
      sessions.put((String) ended.get(i), score(ended.get(i + 1)));
    }
    Map<String, RevocationList.SubjectCutoff> subjects = new HashMap<>();
    List<?> revoked = (List<?>) answer.get(3);
    List<?> cutoffs = (List<?>) answer.get(4);
    for (int i = 0; i + 1 < revoked.size(); i += 2) {
      subjects.put(
          (String) revoked.get(i),
          new RevocationList.SubjectCutoff(score(cutoffs.get(i / 2)), score(revoked.get(i + 1))));
    }
    return new Mirror.Snapshot(
        (String) answer.get(0), Long.parseLong((String) answer.get(1)), now, sessions, subjects);
  }

  private void writeBack(long version, Mirror.Missing missing) {
    String[] args = new String[1 + missing.sessions.size() + missing.subjects.size()];
    args[0] = Integer.toString(missing.sessions.size() / 2);
    int i = 1;
    for (String s : missing.sessions) {
      args[i++] = s;
    }
    for (String s : missing.subjects) {
      args[i++] = s;
    }
    Long written =
        Script.MERGE.run(
            redis,
            ScriptOutputType.INTEGER,
            new String[] {keys.endedSessions, keys.revokedSubjects, keys.cutoffs, keys.version},
            args);
    LOG.log(
        Level.INFO,
        "wrote back {0} revocation(s) that Redis at {1} had lost",
        (missing.sessions.size() / 2) + (missing.subjects.size() / 3),
        target);
    mirror.wroteBack(version, written);
  }

  /** A sorted-set score or cutoff as Redis writes it (an integer, maybe as "1.7e9"-style text). */
  private static long score(Object value) {
    String text = (String) value;
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return (long) Double.parseDouble(text);
    }
  }

  // ---------------------------------------------------------------- lifecycle

  /** Whether the last check of the mirror against Redis succeeded. */
  public boolean isConnected() {
    return reachable && connection.isOpen();
  }

  /** How many revocations the mirror holds (for monitoring and tests). */
  public int revocationCount() {
    return mirror.revocations.size();
  }

  /** Stops the sync thread and closes the connections. */
  @Override
  public void close() {
    closeQuietly();
  }

  private void closeQuietly() {
    scheduler.shutdownNow();
    try {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    } catch (RuntimeException e) {
      // closing anyway
    }
    try {
      resources.shutdown(0, 2, TimeUnit.SECONDS).get(3, TimeUnit.SECONDS);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public String toString() {
    return "RedisSessionStore[" + target + ", prefix=" + keys.sessionPrefix.replace("s:", "") + "]";
  }
}
