package dev.apojwt.httpserver;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.apojwt.ApoJwtException;
import dev.apojwt.AuthFailure;
import dev.apojwt.RequestTemplate;
import dev.apojwt.Templates;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

/**
 * apojwt's template for the JDK's HTTP server ({@code com.sun.net.httpserver}): the access token
 * from the request's one {@code Authorization: Bearer} header, the refresh token from its refresh
 * cookie, and a refused call answered as JSON with its RFC 6750 challenge.
 *
 * <pre>{@code
 * HttpServerTemplate web = HttpServerTemplate.create();
 * ApoJwt jwt = ApoJwt.builder().secret(secret).template(web).build();
 * server.createContext("/", handler).getFilters().add(web.filter());   // the one line of glue
 * }</pre>
 *
 * <p>The {@link #filter() filter} binds the exchange to the thread for the duration of the request,
 * so guards find it whether or not the handler method takes the {@link HttpExchange} (one passed as
 * an argument is used first); it unbinds it afterwards, also when the handler throws. A guard
 * called on another thread, or outside any request, finds no token. A refused call (the guard's
 * {@link ApoJwtException}, also inside the {@code CompletionException} of a joined {@code
 * CompletionStage}) becomes the response when nothing has been sent yet; any other exception goes
 * on to the server as it was.
 *
 * <p>Immutable and thread-safe.
 */
public final class HttpServerTemplate extends RequestTemplate<HttpExchange> {
  private final Filter filter = new Binding();

  private HttpServerTemplate(String refreshCookie) {
    super(HttpExchange.class, refreshCookie);
  }

  /** The template with the refresh cookie {@code refresh_token}. */
  public static HttpServerTemplate create() {
    return new HttpServerTemplate(Templates.DEFAULT_REFRESH_COOKIE);
  }

  /**
   * The template with the refresh cookie {@code refreshCookieName}.
   *
   * @throws IllegalArgumentException if the name is not an RFC 6265 cookie name
   */
  public static HttpServerTemplate create(String refreshCookieName) {
    return new HttpServerTemplate(refreshCookieName);
  }

  /**
   * The one line of glue: add it to each {@code HttpContext} whose handlers call guards, {@code
   * context.getFilters().add(web.filter())}. Always the same filter.
   */
  public Filter filter() {
    return filter;
  }

  @Override
  protected Iterator<String> headers(HttpExchange exchange, String name) {
    List<String> values = exchange.getRequestHeaders().get(name);
    return values == null ? null : values.iterator();
  }

  private static void respond(HttpExchange exchange, AuthFailure failure) throws IOException {
    byte[] body = Templates.responseBody(failure).getBytes(StandardCharsets.US_ASCII);
    Headers headers = exchange.getResponseHeaders();
    String challenge = failure.wwwAuthenticate();
    if (challenge != null) { // none for 503: the server's failure, not the client's credentials
      headers.set("WWW-Authenticate", challenge);
    }
    headers.set("Cache-Control", Templates.CACHE_CONTROL);
    headers.set("Content-Type", Templates.CONTENT_TYPE);
    exchange.sendResponseHeaders(failure.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Binds the exchange for the request and answers refused calls. */
  private final class Binding extends Filter {
    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
      HttpExchange outer = bind(exchange);
      try {
        chain.doFilter(exchange);
      } catch (RuntimeException e) {
        AuthFailure failure = Templates.failureOf(e);
        if (failure == null || exchange.getResponseCode() != -1) {
          throw e;
        }
        respond(exchange, failure);
      } finally {
        unbind(outer);
      }
    }

    @Override
    public String description() {
      return "apojwt: binds the exchange for guards and answers refused calls";
    }
  }
}
