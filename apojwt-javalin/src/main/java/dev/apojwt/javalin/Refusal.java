package dev.apojwt.javalin;

import dev.apojwt.AuthFailure;
import io.javalin.http.HttpResponseException;
import java.util.Map;

/**
 * A refused call, as Javalin's own HTTP error with the failure's status and message; {@link
 * JavalinTemplate#install} registers the handler that answers it in full. Expected traffic, not a
 * bug: no stack trace.
 */
final class Refusal extends HttpResponseException {
  private static final long serialVersionUID = 1L;

  private final transient AuthFailure failure;

  Refusal(AuthFailure failure) {
    super(failure.status(), failure.message(), Map.of());
    this.failure = failure;
  }

  AuthFailure failure() {
    return failure;
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
