package dev.apojwt.sample;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apojwt.sample.config.AppConfig;
import dev.apojwt.sample.testing.Http;
import dev.apojwt.sample.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reproducers from the independent security and contract review (branch {@code review}).
 *
 * <p>Every test here FAILS on the reviewed code on purpose: each shows a bug, and passes once the
 * bug is fixed.
 */
class ReviewFindingsTest {
  static SampleApp app;
  static Http http;

  @BeforeAll
  static void start() {
    AppConfig config =
        AppConfig.fromEnvironment(
            Map.of(
                "PORT", "0",
                "JWT_SECRET", "an access secret for the review tests, 32+ bytes long",
                "JWT_REFRESH_SECRET", "a refresh secret for the review tests, 32+ bytes long",
                "PASSWORD_HASH_ITERATIONS", "1000"),
            new SecureRandom());
    app = SampleApp.start(config, new MutableClock(Instant.parse("2026-03-01T12:00:00Z")));
    http = new Http(app.port());
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  /**
   * BUG (fails): issue 4 requires "never a 500 for any token or header a client sends" and a 400
   * for a body the service cannot read. An unknown or illegal charset parameter in Content-Type
   * makes ctx.contentType() throw (Jetty's ServletApiRequest.getContentType calls
   * Charset.forName: UnsupportedCharsetException / IllegalCharsetNameException) in the first line
   * of Json.requestObject; the catch-all maps it to 500 internal_error and logs an ERROR with a
   * stack trace per request. Any anonymous client can do this on POST /login; POST /orders has
   * the same path.
   */
  @Test
  void anUnknownCharsetInContentTypeIsAClientErrorNot500() {
    String body = "{\"username\":\"alice\",\"password\":\"alice-demo\"}";
    for (String contentType :
        List.of(
            "application/json; charset=nope",
            "application/json; charset=\"a b\"",
            "application/json; charset=")) {
      String request =
          "POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
              + "Content-Type: " + contentType + "\r\n"
              + "Content-Length: " + body.length() + "\r\n\r\n"
              + body;
      String response = http.raw(request.getBytes(StandardCharsets.ISO_8859_1));
      int status = Http.status(response);
      assertTrue(
          status >= 400 && status < 500,
          () -> "Content-Type: " + contentType + " -> " + response.replace("\r\n", " | "));
    }
  }
}
