package dev.apojwt.servlet;

import dev.apojwt.ApoJwtException;
import dev.apojwt.AuthFailure;
import dev.apojwt.RequestTemplate;
import dev.apojwt.Templates;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Iterator;

/**
 * apojwt's template for Jakarta Servlet 6 containers: the access token from the request's one
 * {@code Authorization: Bearer} header, the refresh token from its refresh cookie, and a refused
 * call answered as JSON with its RFC 6750 challenge.
 *
 * <pre>{@code
 * ServletTemplate web = ServletTemplate.create();
 * ApoJwt jwt = ApoJwt.builder().secret(secret).template(web).build();
 * FilterRegistration.Dynamic apojwt = servletContext.addFilter("apojwt", web.filter());  // the glue
 * apojwt.setAsyncSupported(true);
 * apojwt.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC), false, "/*");
 * }</pre>
 *
 * <p>The {@link #filter() filter} binds the request to the thread for the duration of each dispatch
 * through it, so guards find it whether or not the handler method takes the {@link
 * HttpServletRequest} (one passed as an argument is used first); it unbinds it afterwards, also
 * when the chain throws, and when a servlet has started asynchronous processing: a guard called on
 * another thread finds no token. A refused call (the guard's {@link ApoJwtException}, also inside
 * {@code ServletException}s and the {@code CompletionException} of a joined {@code
 * CompletionStage}) becomes the response while the response is not committed; any other exception
 * goes on to the container as it was. An asynchronous servlet whose guarded stage fails can {@code
 * dispatch()} and throw the failure there: mapped for {@code ASYNC}, the filter answers it.
 *
 * <p>Immutable and thread-safe.
 */
public final class ServletTemplate extends RequestTemplate<HttpServletRequest> {
  private final Filter filter = new Binding();

  private ServletTemplate(String refreshCookie) {
    super(HttpServletRequest.class, refreshCookie);
  }

  /** The template with the refresh cookie {@code refresh_token}. */
  public static ServletTemplate create() {
    return new ServletTemplate(Templates.DEFAULT_REFRESH_COOKIE);
  }

  /**
   * The template with the refresh cookie {@code refreshCookieName}.
   *
   * @throws IllegalArgumentException if the name is not an RFC 6265 cookie name
   */
  public static ServletTemplate create(String refreshCookieName) {
    return new ServletTemplate(refreshCookieName);
  }

  /**
   * The one line of glue: register it in front of the servlets whose code calls guards, async
   * supported, for the {@code REQUEST} (and, with asynchronous servlets, {@code ASYNC}) dispatcher
   * types. Always the same filter.
   */
  public Filter filter() {
    return filter;
  }

  @Override
  protected Iterator<String> headers(HttpServletRequest request, String name) {
    Enumeration<String> values = request.getHeaders(name);
    return values == null ? null : values.asIterator();
  }

  /** The failure {@code thrown} reports, looking through the causes of ServletExceptions. */
  private static AuthFailure failureOf(Throwable thrown) {
    Throwable t = thrown;
    while (t instanceof ServletException && t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return Templates.failureOf(t);
  }

  private static void respond(HttpServletResponse response, AuthFailure failure)
      throws IOException {
    byte[] body = Templates.responseBody(failure).getBytes(StandardCharsets.US_ASCII);
    // Only the body: headers set before (CORS, say, by a filter further out) stay.
    response.resetBuffer();
    response.setStatus(failure.status());
    String challenge = failure.wwwAuthenticate();
    if (challenge != null) { // none for 503: the server's failure, not the client's credentials
      response.setHeader("WWW-Authenticate", challenge);
    }
    response.setHeader("Cache-Control", Templates.CACHE_CONTROL);
    response.setContentType(Templates.CONTENT_TYPE);
    response.setContentLength(body.length);
    ServletOutputStream out;
    try {
      out = response.getOutputStream();
    } catch (IllegalStateException writerInUse) {
      // The handler took the writer before the guard refused, as in
      // response.getWriter().write(guard.call()): the body is ASCII, any charset writes it.
      response.getWriter().write(Templates.responseBody(failure));
      return;
    }
    out.write(body);
  }

  /** Binds the request for each dispatch and answers refused calls. */
  private final class Binding implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      if (!(request instanceof HttpServletRequest && response instanceof HttpServletResponse)) {
        chain.doFilter(request, response);
        return;
      }
      HttpServletRequest outer = bind((HttpServletRequest) request);
      try {
        chain.doFilter(request, response);
      } catch (RuntimeException | ServletException e) {
        AuthFailure failure = failureOf(e);
        if (failure == null || response.isCommitted()) {
          throw e;
        }
        respond((HttpServletResponse) response, failure);
      } finally {
        unbind(outer);
      }
    }
  }
}
