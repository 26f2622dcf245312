package dev.apojwt.javalin;

import dev.apojwt.ApoJwtException;
import dev.apojwt.AuthFailure;
import dev.apojwt.ExceptionHandler;
import dev.apojwt.Invocation;
import dev.apojwt.RequestTemplate;
import dev.apojwt.Templates;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.Iterator;

/**
 * apojwt's template for Javalin 7: the access token from the request's one {@code Authorization:
 * Bearer} header, the refresh token from its refresh cookie, and a refused call answered as JSON
 * with its RFC 6750 challenge.
 *
 * <pre>{@code
 * JavalinTemplate web = JavalinTemplate.create();
 * ApoJwt jwt = ApoJwt.builder().secret(secret).template(web).build();
 * Javalin.create(config -> {
 *   web.install(config);                        // the one line of glue
 *   config.routes.get("/orders", ctx -> ctx.json(orders.all()));
 * });
 * }</pre>
 *
 * <p>{@link #install(JavalinConfig)} puts a filter in front of Javalin's servlet that binds the
 * request to the thread while Javalin handles it there, so guards find it whether or not the
 * handler method takes the {@link Context} (one passed as an argument is used first); it unbinds it
 * when Javalin's thread leaves, also when a handler throws, and when a handler hands the request to
 * {@code ctx.future(...)}: a guard called on the thread that completes the future finds no token (a
 * guarded method returning a {@code CompletionStage} checks its token before it returns, on the
 * request's thread). It also registers the exception handlers that answer refused calls: the
 * template's {@link #exceptionHandler()} returns a Javalin {@code HttpResponseException}, and an
 * {@link ApoJwtException} (from a guard whose exception handler failed, or from your own {@code
 * jwt.verify(...)}) is answered the same way.
 *
 * <p>Immutable and thread-safe.
 */
public final class JavalinTemplate extends RequestTemplate<HttpServletRequest> {
  private final Filter binding = new Binding();

  private JavalinTemplate(String refreshCookie) {
    super(HttpServletRequest.class, refreshCookie);
  }

  /** The template with the refresh cookie {@code refresh_token}. */
  public static JavalinTemplate create() {
    return new JavalinTemplate(Templates.DEFAULT_REFRESH_COOKIE);
  }

  /**
   * The template with the refresh cookie {@code refreshCookieName}.
   *
   * @throws IllegalArgumentException if the name is not an RFC 6265 cookie name
   */
  public static JavalinTemplate create(String refreshCookieName) {
    return new JavalinTemplate(refreshCookieName);
  }

  /**
   * The one line of glue, inside {@code Javalin.create(config -> ...)}: binds each request for the
   * guards, and answers refused calls. Your own {@code config.routes.exception(...)} for {@link
   * ApoJwtException}, registered after this, replaces the one registered here.
   */
  public void install(JavalinConfig config) {
    config.jetty.modifyServletContextHandler(
        handler ->
            handler
                .addFilter(binding, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC))
                .setAsyncSupported(true));
    config.routes.exception(Refusal.class, (refusal, ctx) -> respond(ctx, refusal.failure()));
    config.routes.exception(ApoJwtException.class, (e, ctx) -> respond(ctx, e.failure()));
  }

  /**
   * A refused call as a Javalin {@code HttpResponseException} with the failure's status, which the
   * exception handler that {@link #install} registers answers in full.
   */
  @Override
  public ExceptionHandler exceptionHandler() {
    return (failure, call) -> new Refusal(failure);
  }

  /** The request of a {@link Context} argument, else the request bound to this thread. */
  @Override
  protected HttpServletRequest request(Invocation call) {
    Context ctx = call.argument(Context.class);
    return ctx != null ? ctx.req() : super.request(call);
  }

  @Override
  protected Iterator<String> headers(HttpServletRequest request, String name) {
    Enumeration<String> values = request.getHeaders(name);
    return values == null ? null : values.asIterator();
  }

  private static void respond(Context ctx, AuthFailure failure) {
    String challenge = failure.wwwAuthenticate();
    if (challenge != null) { // none for 503: the server's failure, not the client's credentials
      ctx.header("WWW-Authenticate", challenge);
    }
    ctx.status(failure.status())
        .header("Cache-Control", Templates.CACHE_CONTROL)
        .contentType(Templates.CONTENT_TYPE)
        .result(Templates.responseBody(failure));
  }

  /** Binds the request while Javalin handles it on this thread. */
  private final class Binding implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      HttpServletRequest outer =
          bind(request instanceof HttpServletRequest ? (HttpServletRequest) request : null);
      try {
        chain.doFilter(request, response);
      } finally {
        // Also when a handler has handed the request to ctx.future(...): the future's thread
        // continues without it.
        unbind(outer);
      }
    }
  }
}
