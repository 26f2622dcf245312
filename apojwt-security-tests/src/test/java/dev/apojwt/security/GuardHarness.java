package dev.apojwt.security;

import dev.apojwt.ApoJwt;
import dev.apojwt.AuthFailure;
import dev.apojwt.VerifiedToken;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A generated guard over a recording implementation, configured as a web service would be: the
 * token finder reads the request's header, the exception handler turns failures into the
 * framework's own error.
 */
final class GuardHarness {
  /** The web framework's error type, as an exception handler would return it. */
  static final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient AuthFailure failure;

    HttpError(AuthFailure failure) {
      super(failure.status() + " " + failure.message(), null, false, false);
      this.failure = failure;
    }
  }

  /** Counts every call that reached the implementation. */
  static final class Recorder implements Victim {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public String read(Request request, VerifiedToken token) {
      calls.incrementAndGet();
      return "read:" + token.subject();
    }

    @Override
    public String get(Request request) {
      calls.incrementAndGet();
      return "get";
    }

    @Override
    public String bearer(String authorization) {
      calls.incrementAndGet();
      return "bearer";
    }

    @Override
    public CompletableFuture<String> later(Request request) {
      calls.incrementAndGet();
      return CompletableFuture.completedFuture("later");
    }

    @Override
    public String refresh(Request request, Map<String, Object> data) {
      calls.incrementAndGet();
      return "refresh:" + data.get("user_id");
    }
  }

  final Recorder recorder = new Recorder();
  final Victim guard;

  GuardHarness(Services service) {
    ApoJwt jwt =
        service
            .builder()
            .tokenFinder(call -> call.argument(Victim.Request.class).authorization)
            .refresh(
                Services.REFRESH_SECRET,
                java.time.Duration.ofDays(1),
                call -> call.argument(Victim.Request.class).authorization)
            .exceptionHandler((failure, call) -> new HttpError(failure))
            .build();
    this.guard = new GuardedVictim(recorder, jwt);
  }
}
