package dev.apojwt.templatetests;

import dev.apojwt.ApoJwtException;
import dev.apojwt.AuthFailure;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The implementation behind the guard: it checks no token, it only answers and counts its calls.
 * {@link #later} completes on another thread, where it first runs a probe: a guard called there,
 * with no request bound, must find none.
 */
final class ApiService<R> implements Api<R> {
  /** Calls that reached the implementation, all methods together. */
  final AtomicInteger calls;

  private final Executor async;
  private final Consumer<String> continuationProbe;

  ApiService(AtomicInteger calls, Executor async, Consumer<String> continuationProbe) {
    this.calls = calls;
    this.async = async;
    this.continuationProbe = continuationProbe;
  }

  @Override
  public String open() {
    calls.incrementAndGet();
    return "open";
  }

  @Override
  public String subject(String subject) {
    calls.incrementAndGet();
    return subject;
  }

  @Override
  public String subjectOf(R request, String subject) {
    calls.incrementAndGet();
    if (request == null) {
      throw new IllegalStateException("the route did not pass the request object");
    }
    return subject;
  }

  @Override
  public String read(String subject) {
    calls.incrementAndGet();
    return "read by " + subject;
  }

  @Override
  public String refresh(Map<String, Object> data) {
    calls.incrementAndGet();
    return "refreshed " + data.get("user_id");
  }

  @Override
  public String bearer(String token, String subject) {
    calls.incrementAndGet();
    return "bearer " + subject;
  }

  @Override
  public CompletionStage<String> later(String subject) {
    calls.incrementAndGet();
    return CompletableFuture.supplyAsync(
        () -> {
          continuationProbe.accept("continuation");
          return "later " + subject;
        },
        async);
  }

  @Override
  public String unavailable() {
    calls.incrementAndGet();
    throw new ApoJwtException(AuthFailure.of(AuthFailure.Reason.UNAVAILABLE, "store unreachable"));
  }

  @Override
  public String fails() {
    calls.incrementAndGet();
    throw new IllegalStateException("the application's own failure");
  }
}
