package dev.apojwt.sample;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apojwt.sample.config.AppConfig;
import dev.apojwt.sample.testing.Http;
import dev.apojwt.test.TestClock;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Content-Type values a client controls. Found by review: an unknown charset parameter used to make
 * Jetty's {@code getContentType()} throw, which became a 500.
 */
class ContentTypeTest {
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
    app = SampleApp.start(config, TestClock.at(Instant.parse("2026-03-01T12:00:00Z")));
    http = new Http(app.port());
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  /**
   * Issue 4 requires "never a 500 for any token or header a client sends" and a 400 for a body the
   * service cannot read. An unknown or illegal charset parameter in Content-Type makes
   * ctx.contentType() throw (Jetty's ServletApiRequest.getContentType calls Charset.forName:
   * UnsupportedCharsetException / IllegalCharsetNameException) in the first line of
   * Json.requestObject; the catch-all maps it to 500 internal_error and logs an ERROR with a stack
   * trace per request. Any anonymous client can do this on POST /login; POST /orders has the same
   * path.
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
              + "Content-Type: "
              + contentType
              + "\r\n"
              + "Content-Length: "
              + body.length()
              + "\r\n\r\n"
              + body;
      String response = http.raw(request.getBytes(StandardCharsets.ISO_8859_1));
      int status = Http.status(response);
      assertTrue(
          status >= 400 && status < 500,
          () -> "Content-Type: " + contentType + " -> " + response.replace("\r\n", " | "));
    }
  }

  @Test
  void utf8JsonIsAcceptedInEverySpelling() {
    String body = "{\"username\":\"alice\",\"password\":\"alice-demo\"}";
    for (String contentType :
        List.of(
            "application/json",
            "Application/JSON",
            "application/json; charset=utf-8",
            "application/json;charset=\"UTF-8\"",
            "application/json ; charset=utf8")) {
      String request =
          "POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
              + "Content-Type: "
              + contentType
              + "\r\n"
              + "Content-Length: "
              + body.length()
              + "\r\n\r\n"
              + body;
      String response = http.raw(request.getBytes(StandardCharsets.ISO_8859_1));
      assertTrue(Http.status(response) == 200, () -> contentType + " -> " + response);
    }
  }

  @Test
  void otherCharsetsAndBodiesThatAreNotUtf8AreRefused() {
    String body = "{\"username\":\"alice\",\"password\":\"alice-demo\"}";
    String latin1 =
        "POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
            + "Content-Type: application/json; charset=iso-8859-1\r\n"
            + "Content-Length: "
            + body.length()
            + "\r\n\r\n"
            + body;
    assertTrue(Http.status(http.raw(latin1.getBytes(StandardCharsets.ISO_8859_1))) == 415);
    byte[] head =
        ("POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: 3\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    byte[] request = java.util.Arrays.copyOf(head, head.length + 3);
    request[head.length] = '"';
    request[head.length + 1] = (byte) 0xC3; // a lead byte without its continuation
    request[head.length + 2] = '"';
    assertTrue(Http.status(http.raw(request)) == 400);
  }
}
