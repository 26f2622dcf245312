package dev.apojwt.javalin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apojwt.ApoJwt;
import io.javalin.Javalin;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What install registers beyond the shared suite: an ApoJwtException from anywhere is answered. */
class JavalinInstallTest {
  @Test
  void anApoJwtExceptionOfTheApplicationsOwnIsAnsweredAsARefusal() throws Exception {
    JavalinTemplate web = JavalinTemplate.create();
    ApoJwt jwt =
        ApoJwt.builder().secret("javalin-install-test-secret-of-32-bytes").template(web).build();
    Javalin javalin =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.jetty.host = "127.0.0.1";
                  config.jetty.port = 0;
                  web.install(config);
                  // The application checks a token itself, and lets the refusal go.
                  config.routes.get(
                      "/verify", ctx -> ctx.result(jwt.verify(ctx.queryParam("t")).subject()));
                })
            .start();
    try {
      // java.base's client: this test runs inside the module, which reads no java.net.http.
      HttpURLConnection c =
          (HttpURLConnection)
              URI.create("http://127.0.0.1:" + javalin.port() + "/verify?t=a.b.c")
                  .toURL()
                  .openConnection();
      assertEquals(401, c.getResponseCode());
      try (InputStream body = c.getErrorStream()) {
        assertEquals(
            "{\"error\":\"malformed\",\"message\":\"Bad Format - JWT could not be decoded\"}",
            new String(body.readAllBytes(), StandardCharsets.UTF_8));
      }
      assertEquals("no-store", c.getHeaderField("Cache-Control"));
      assertEquals(
          "Bearer error=\"invalid_token\", error_description=\"Bad Format - JWT could not be"
              + " decoded\"",
          c.getHeaderField("WWW-Authenticate"));
    } finally {
      javalin.stop();
    }
  }
}
