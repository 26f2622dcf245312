package dev.apojwt.spring;

import dev.apojwt.AuthFailure;
import dev.apojwt.Templates;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A refused call as the HTTP answer DESIGN's templates give (RFC 6750). */
final class Refusals {
  private Refusals() {}

  /**
   * The failure {@code thrown} reports ({@link Templates#failureOf}), looking through the causes of
   * {@code ServletException}s; null for any other exception.
   */
  static AuthFailure failureOf(Throwable thrown) {
    Throwable t = thrown;
    while (t instanceof ServletException && t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return Templates.failureOf(t);
  }

  /**
   * Answers {@code failure}: its status, {@code WWW-Authenticate} (none for a 503), {@code
   * Cache-Control: no-store} and the JSON body. Headers set before (CORS, say) stay; a body begun
   * is discarded. Never {@code sendError}: the container's and Spring Boot's error pages would
   * replace the body.
   */
  static void answer(HttpServletResponse response, AuthFailure failure) throws IOException {
    String body = Templates.responseBody(failure);
    response.resetBuffer();
    response.setStatus(failure.status());
    String challenge = failure.wwwAuthenticate();
    if (challenge != null) {
      response.setHeader("WWW-Authenticate", challenge);
    }
    response.setHeader("Cache-Control", Templates.CACHE_CONTROL);
    response.setContentType(Templates.CONTENT_TYPE);
    response.setContentLength(body.length());
    ServletOutputStream out;
    try {
      out = response.getOutputStream();
    } catch (IllegalStateException writerInUse) {
      // The body is ASCII: any charset writes it.
      response.getWriter().write(body);
      return;
    }
    out.write(body.getBytes(StandardCharsets.US_ASCII));
  }
}
