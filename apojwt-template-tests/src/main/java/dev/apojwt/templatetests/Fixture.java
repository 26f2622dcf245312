package dev.apojwt.templatetests;

import dev.apojwt.ApoJwt;
import dev.apojwt.ApoJwtException;
import dev.apojwt.Template;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One template under test and what its server needs: an {@link ApoJwt} configured with nothing but
 * the template and the secrets, the guard to route to, tokens, and the probes that show when a
 * request is bound.
 */
public final class Fixture implements AutoCloseable {
  static final String SECRET = "template-suite-access-secret-32-bytes-or-more";
  static final String REFRESH_SECRET = "template-suite-refresh-secret-32-bytes-or-more";
  static final String ISSUER = "template-suite";

  private final Template template;
  private final ApoJwt jwt;
  private final AtomicInteger calls = new AtomicInteger();
  private final ExecutorService async =
      Executors.newFixedThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "template-suite-async");
            t.setDaemon(true);
            return t;
          });
  private final GuardedApi<Object> probeGuard;
  private final AtomicInteger probeCalls = new AtomicInteger();
  private final Map<String, LinkedBlockingQueue<String>> probes = new ConcurrentHashMap<>();

  Fixture(Template template) {
    this.template = template;
    this.jwt =
        ApoJwt.builder()
            .secret(SECRET)
            .issuer(ISSUER)
            .template(template)
            .refresh(REFRESH_SECRET, Duration.ofDays(1))
            .build();
    // The same template's finders; refusals as plain ApoJwtExceptions, whatever the template's
    // handler returns, so that a probe can read the reason.
    ApoJwt probeJwt =
        ApoJwt.builder()
            .secret(SECRET)
            .issuer(ISSUER)
            .template(template)
            .refresh(REFRESH_SECRET, Duration.ofDays(1))
            .exceptionHandler((failure, call) -> new ApoJwtException(failure))
            .build();
    this.probeGuard =
        new GuardedApi<>(new ApiService<>(probeCalls, Runnable::run, id -> {}), probeJwt);
  }

  /** The template under test, as the test created it. */
  public Template template() {
    return template;
  }

  /** The ApoJwt of the server: the template, the secrets, refresh on. */
  public ApoJwt jwt() {
    return jwt;
  }

  /** The guard for the server's routes; {@code R} is the framework's request type. */
  public <R> GuardedApi<R> api() {
    return new GuardedApi<>(new ApiService<>(calls, async, this::probe), jwt);
  }

  /** Calls that reached the implementation behind the guards of {@link #api()}. */
  int calls() {
    return calls.get();
  }

  /**
   * Called by the server on the request thread once the template's hook has returned, and by {@link
   * Api#later} on the thread that completes it: asks a guard for the token of the request bound to
   * this thread, and records what it found under {@code id}: the reason code of its refusal ({@code
   * missing_token} when nothing is bound), or {@code bound to <subject>}.
   */
  public void probe(String id) {
    String found;
    try {
      found = "bound to " + probeGuard.subject();
    } catch (ApoJwtException e) {
      found = e.failure().code();
    } catch (RuntimeException e) {
      found = e.toString();
    }
    probes.computeIfAbsent(id, k -> new LinkedBlockingQueue<>()).add(found);
  }

  /** What the probe named {@code id} found, waiting up to 10 s for it to run. */
  String awaitProbe(String id) throws InterruptedException {
    String found =
        probes.computeIfAbsent(id, k -> new LinkedBlockingQueue<>()).poll(10, TimeUnit.SECONDS);
    return found == null ? "the probe " + id + " did not run" : found;
  }

  /** Calls that reached the probes' implementation: any would mean a request stayed bound. */
  int probeCalls() {
    return probeCalls.get();
  }

  String access(String subject, String... permissions) {
    return jwt.createToken(subject, List.of(permissions), Map.of());
  }

  String refresh(String userId) {
    return jwt.createTokens(userId, List.of(), Map.of(), Map.of("user_id", userId)).refresh();
  }

  /** An access token of this service that expired an hour ago. */
  String expired(String subject) {
    ApoJwt past =
        ApoJwt.builder()
            .secret(SECRET)
            .issuer(ISSUER)
            .clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(-2)))
            .build();
    return past.createToken(subject, List.of(), Map.of());
  }

  /** A token signed with another secret. */
  String foreign(String subject) {
    return ApoJwt.builder()
        .secret("another-service-secret-of-32-bytes-or-more")
        .issuer(ISSUER)
        .build()
        .createToken(subject, List.of(), Map.of());
  }

  @Override
  public void close() {
    async.shutdownNow();
  }
}
