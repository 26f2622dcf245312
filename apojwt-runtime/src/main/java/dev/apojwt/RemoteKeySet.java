package dev.apojwt;

import java.io.IOException;
import java.lang.ref.Cleaner;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The keys of a JWK Set fetched from a JWKS URI ({@code Builder.jwksUri}), kept current in the
 * background. What the best resource servers do, and what their users asked for:
 *
 * <ul>
 *   <li>The first fetch starts at {@code build()}, which waits for it briefly ({@link
 *       #STARTUP_WAIT} at most); until a set arrives, tokens are refused with UNAVAILABLE (503),
 *       and fetches are retried with a growing pause (1 second doubling to a minute).
 *   <li>A set is kept as long as its {@code Cache-Control: max-age} says, clamped to [{@link
 *       #MIN_TTL}, {@link #MAX_TTL}] ({@link #DEFAULT_TTL} without one), and refreshed ahead of
 *       that (30 seconds before, or a quarter of the time for short ones) on this set's own daemon
 *       thread: never on a request thread once a set is known (unlike spring-security's decoder,
 *       which fetches on the request thread under a lock).
 *   <li>A token naming a {@code kid} the set lacks starts one refetch, which every request that
 *       needs it waits for (single flight, bounded by the fetch timeout) instead of failing (the
 *       401s right after a rotation of quarkus #15004); at most one such refetch per {@link
 *       #UNKNOWN_KID_INTERVAL} (so a flood of made-up kids costs one fetch per interval); a kid
 *       still unknown after a refetch is remembered as unknown until the set next changes, and
 *       refused without waiting (micronaut-security #2289 refetched never).
 *   <li>When a refresh fails, the last good set keeps serving for the outage tolerance past its
 *       time; then tokens are UNAVAILABLE until a fetch succeeds.
 *   <li>When keys leave the set, listeners hear of it (the verified-token cache drops their
 *       tokens).
 * </ul>
 *
 * Its thread stops with {@link #close()}, or when the {@link ApoJwt} that owns it becomes
 * unreachable ({@link #closeWhenUnreachable}); it is a daemon, so it never keeps a JVM alive.
 */
final class RemoteKeySet implements KeySource, AutoCloseable {
  static final Duration MIN_TTL = Duration.ofMinutes(1);
  static final Duration MAX_TTL = Duration.ofDays(1);
  static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
  static final Duration UNKNOWN_KID_INTERVAL = Duration.ofSeconds(30);
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration DEFAULT_OUTAGE_TOLERANCE = Duration.ofHours(6);
  static final Duration MAX_OUTAGE_TOLERANCE = Duration.ofDays(7);
  static final Duration STARTUP_WAIT = Duration.ofSeconds(2);
  private static final long REFRESH_AHEAD_MILLIS = 30_000;
  private static final long FIRST_RETRY_MILLIS = 1_000;
  private static final long LAST_RETRY_MILLIS = 60_000;

  /** Unknown kids remembered per set, at most: made-up ones must not fill the memory. */
  static final int MAX_UNKNOWN_KIDS = 1_024;

  private static final System.Logger LOG = System.getLogger(RemoteKeySet.class.getName());

  /** One fetched set and its times (milliseconds of the configured clock). */
  private static final class Snapshot {
    final KeySet keys;

    /** Due for a refresh; after it, the set serves only within the outage tolerance. */
    final long freshUntil;

    /** After it, the set serves no more. */
    final long usableUntil;

    /** Kids that a refetch showed this set does not have. */
    final Set<String> unknownKids = ConcurrentHashMap.newKeySet();

    Snapshot(KeySet keys, long freshUntil, long usableUntil) {
      this.keys = keys;
      this.freshUntil = freshUntil;
      this.usableUntil = usableUntil;
    }
  }

  private final URI uri;
  private final Set<JwsAlgorithm> allowed;
  private final Clock clock;
  private final Duration timeout;
  private final long outageToleranceMillis;
  private final JwksFetcher fetcher;
  private final Background background;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  private volatile Snapshot snapshot;
  private volatile boolean expiryAnnounced;
  private volatile boolean closed;

  // Guarded by this.
  private CompletableFuture<Void> inFlight;
  private long lastUnknownKidFetch = Long.MIN_VALUE / 2;
  private Future<?> nextRefresh;
  private int failures;

  RemoteKeySet(
      URI uri,
      Set<JwsAlgorithm> allowed,
      Clock clock,
      Duration timeout,
      Duration outageTolerance,
      Background background) {
    this.uri = uri;
    this.allowed = allowed;
    this.clock = clock;
    this.timeout = timeout;
    this.outageToleranceMillis = outageTolerance.toMillis();
    this.fetcher = new JwksFetcher(uri, timeout);
    this.background = background;
    CompletableFuture<Void> first;
    synchronized (this) {
      first = startFetch();
    }
    await(first, Math.min(timeout.toMillis(), STARTUP_WAIT.toMillis()));
  }

  // ---------------------------------------------------------------- KeySource

  @Override
  public JwsKey select(JwsHeader header) {
    Snapshot s = usable();
    JwsKey key = s.keys.find(header);
    if (key != null) {
      return key;
    }
    // The header's kid is a valid key id that the set lacks.
    String kid = header.kid;
    if (s.unknownKids.contains(kid)) {
      throw unknownKid();
    }
    CompletableFuture<Void> refetch = refetchForUnknownKid();
    if (refetch == null) {
      throw unknownKid();
    }
    await(refetch, timeout.toMillis());
    Snapshot after = usable();
    key = after.keys.find(header);
    if (key != null) {
      return key;
    }
    if (after.unknownKids.size() < MAX_UNKNOWN_KIDS) {
      after.unknownKids.add(kid);
    }
    throw unknownKid();
  }

  private static ApoJwtException unknownKid() {
    return Failures.badSignature("header 'kid' names no key of the JWK Set");
  }

  /** The set to verify with now, or UNAVAILABLE. */
  private Snapshot usable() {
    Snapshot s = snapshot;
    if (s == null) {
      throw Failures.unavailable("no key set has been fetched from the JWKS URI yet");
    }
    if (clock.millis() >= s.usableUntil) {
      throw Failures.unavailable("the key set could not be refreshed within the outage tolerance");
    }
    return s;
  }

  @Override
  public boolean holds(JwsKey key) {
    Snapshot s = snapshot;
    return s != null && clock.millis() < s.usableUntil && s.keys.holds(key);
  }

  @Override
  public KeySet current() {
    Snapshot s = snapshot;
    return s == null ? KeySet.EMPTY : s.keys;
  }

  @Override
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  // ---------------------------------------------------------------- fetching

  /** The fetch every caller waits for: the one under way, else a new one; null when limited. */
  private synchronized CompletableFuture<Void> refetchForUnknownKid() {
    if (closed) {
      return null;
    }
    if (inFlight != null) {
      return inFlight;
    }
    long now = clock.millis();
    if (now - lastUnknownKidFetch < UNKNOWN_KID_INTERVAL.toMillis()) {
      return null;
    }
    lastUnknownKidFetch = now;
    return startFetch();
  }

  /** Starts a fetch on the background thread, unless one is under way. Holds this. */
  private CompletableFuture<Void> startFetch() {
    if (inFlight == null) {
      CompletableFuture<Void> done = new CompletableFuture<>();
      inFlight = done;
      background.run(() -> fetch(done));
    }
    return inFlight;
  }

  /** The scheduled refresh. */
  private void refresh() {
    synchronized (this) {
      if (closed) {
        return;
      }
      startFetch();
    }
  }

  /**
   * One fetch, on the background thread. The next one is scheduled before those who wait for this
   * one hear that it is done.
   */
  private void fetch(CompletableFuture<Void> done) {
    long delay = LAST_RETRY_MILLIS;
    try {
      delay = install(fetcher.fetch());
      synchronized (this) {
        failures = 0;
      }
    } catch (IOException | IllegalArgumentException e) {
      delay = failed(e.getMessage());
    } catch (RuntimeException e) {
      delay = failed("unexpected " + e.getClass().getName());
    } finally {
      synchronized (this) {
        inFlight = null;
        schedule(delay);
      }
      done.complete(null);
    }
  }

  /** Installs a fetched set; the time until its refresh. */
  private long install(JwksFetcher.Fetched fetched) {
    Snapshot old = snapshot;
    JwkSetReader.Result read =
        JwkSetReader.read(fetched.body, allowed, old == null ? KeySet.EMPTY : old.keys);
    for (String reason : read.refused) {
      LOG.log(System.Logger.Level.WARNING, "apojwt: JWK Set at " + uri + ": refused " + reason);
    }
    long ttl = ttlMillis(fetched.maxAgeSeconds);
    long now = clock.millis();
    Snapshot fresh = new Snapshot(read.keys, now + ttl, now + ttl + outageToleranceMillis);
    snapshot = fresh;
    boolean wasExpired = expiryAnnounced;
    expiryAnnounced = false;
    if (old != null && (wasExpired || lostKeys(old.keys, fresh.keys))) {
      announce();
    }
    return ttl - Math.min(REFRESH_AHEAD_MILLIS, ttl / 4);
  }

  private static boolean lostKeys(KeySet before, KeySet after) {
    for (JwsKey key : before.keys()) {
      if (!after.holds(key)) {
        return true;
      }
    }
    return false;
  }

  /** Logs a failed fetch; the time until the next try. */
  private long failed(String reason) {
    long pause;
    synchronized (this) {
      pause = Math.min(LAST_RETRY_MILLIS, FIRST_RETRY_MILLIS << Math.min(failures, 6));
      failures++;
    }
    Snapshot s = snapshot;
    String serving;
    if (s == null) {
      serving = "no key set yet: tokens are refused with 503 until a fetch succeeds";
    } else if (clock.millis() < s.usableUntil) {
      serving = "the last good set keeps serving";
    } else {
      serving = "the last good set is past the outage tolerance: tokens are refused with 503";
      if (!expiryAnnounced) {
        expiryAnnounced = true;
        announce();
      }
    }
    LOG.log(
        System.Logger.Level.WARNING,
        "apojwt: the JWK Set at "
            + uri
            + " could not be fetched: "
            + reason
            + "; "
            + serving
            + "; next try in "
            + pause
            + " ms");
    if (s != null) {
      // Wake up when the last good set runs out, to let the listeners know.
      pause = Math.max(0, Math.min(pause, s.usableUntil - clock.millis()));
    }
    return pause;
  }

  private void announce() {
    for (Runnable listener : listeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "apojwt: a key set listener failed", e);
      }
    }
  }

  private synchronized void schedule(long delayMillis) {
    if (closed) {
      return;
    }
    if (nextRefresh != null) {
      nextRefresh.cancel(false);
    }
    nextRefresh = background.runAfter(this::refresh, delayMillis);
  }

  /** {@code max-age} clamped to [{@link #MIN_TTL}, {@link #MAX_TTL}]. */
  static long ttlMillis(long maxAgeSeconds) {
    if (maxAgeSeconds < 0) {
      return DEFAULT_TTL.toMillis();
    }
    long ttl = TimeUnit.SECONDS.toMillis(Math.min(maxAgeSeconds, MAX_TTL.getSeconds()));
    return Math.max(MIN_TTL.toMillis(), ttl);
  }

  private static void await(CompletableFuture<Void> fetch, long millis) {
    try {
      fetch.get(millis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Still under way, or failed: the caller decides with what it has.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (nextRefresh != null) {
        nextRefresh.cancel(false);
      }
    }
    background.stop();
  }

  // ---------------------------------------------------------------- lifecycle

  /** Closes {@code keys} once {@code owner} is unreachable: a forgotten close stops the thread. */
  static void closeWhenUnreachable(Object owner, RemoteKeySet keys) {
    Cleaners.CLEANER.register(owner, keys::close);
  }

  /** One daemon thread for all of them, started with the first JWKS URI. */
  private static final class Cleaners {
    static final Cleaner CLEANER = Cleaner.create();
  }
}
