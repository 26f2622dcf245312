package dev.apojwt.spring;

import dev.apojwt.AuthFailure;
import dev.apojwt.Templates;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    ServletOutputStream out;
    try {
      out = response.getOutputStream();
    } catch (IllegalStateException writerInUse) {
      // The code took the writer before the guard refused (response.getWriter().write(guard...)),
      // which fixed a charset that would stay in the Content-Type: start over, headers kept.
      resetKeepingHeaders(response);
      out = response.getOutputStream();
    }
    byte[] body = Templates.responseBody(failure).getBytes(StandardCharsets.US_ASCII);
    response.resetBuffer();
    response.setStatus(failure.status());
    String challenge = failure.wwwAuthenticate();
    if (challenge != null) {
      response.setHeader("WWW-Authenticate", challenge);
    }
    response.setHeader("Cache-Control", Templates.CACHE_CONTROL);
    response.setContentType(Templates.CONTENT_TYPE);
    response.setContentLength(body.length);
    out.write(body);
  }

  private static void resetKeepingHeaders(HttpServletResponse response) {
    Map<String, List<String>> kept = new LinkedHashMap<>();
    for (String name : response.getHeaderNames()) {
      if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
        kept.put(name, new ArrayList<>(response.getHeaders(name)));
      }
    }
    response.reset();
    kept.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
  }
}
