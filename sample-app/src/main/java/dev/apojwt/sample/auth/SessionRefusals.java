package dev.apojwt.sample.auth;

import dev.apojwt.AuthFailure;
import dev.apojwt.ExceptionHandler;
import dev.apojwt.Invocation;
import dev.apojwt.sample.api.AuthApi;
import dev.apojwt.sample.web.ApiError;
import io.javalin.http.Context;
import java.util.Objects;

/**
 * The Javalin template's exception handler, except for a refresh whose session has ended (the guard
 * refuses its token as REVOKED before {@link AuthService#refresh} runs): that one clears the
 * refresh cookie and says to log in again, as a refresh the service itself refuses does.
 */
public final class SessionRefusals implements ExceptionHandler {
  private final ExceptionHandler template;
  private final RefreshCookie cookie;

  public SessionRefusals(ExceptionHandler template, RefreshCookie cookie) {
    this.template = Objects.requireNonNull(template, "template");
    this.cookie = Objects.requireNonNull(cookie, "cookie");
  }

  @Override
  public RuntimeException handle(AuthFailure failure, Invocation call) {
    if (failure.reason() == AuthFailure.Reason.REVOKED
        && call.handler().equals(AuthApi.class.getName())
        && call.method().equals("refresh")) {
      Context ctx = call.argument(Context.class);
      if (ctx != null) {
        cookie.clear(ctx);
      }
      return ApiError.refreshRejected(AuthService.SESSION_ENDED);
    }
    return template.handle(failure, call);
  }
}
