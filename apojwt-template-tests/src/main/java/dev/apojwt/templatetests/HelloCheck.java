package dev.apojwt.templatetests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apojwt.ApoJwt;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** What README's minimal service does, checked over HTTP with the JDK's client. */
public final class HelloCheck {
  /** The secret the tests start README's services with. */
  public static final String SECRET = "readme-example-secret-of-at-least-32-bytes";

  private HelloCheck() {}

  /** {@code GET /hello} greets the token's subject, and without a token is a 401 in JSON. */
  public static void assertGreets(int port) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    URI hello = URI.create("http://127.0.0.1:" + port + "/hello");
    String token =
        ApoJwt.builder().secret(SECRET).build().createToken("alice", List.of(), Map.of());
    HttpResponse<String> ok =
        client.send(
            HttpRequest.newBuilder(hello).header("Authorization", "Bearer " + token).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, ok.statusCode(), ok::body);
    assertEquals("hello alice", ok.body());
    HttpResponse<String> refused =
        client.send(HttpRequest.newBuilder(hello).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(401, refused.statusCode(), refused::body);
    assertEquals(
        "{\"error\":\"missing_token\",\"message\":\"JWT is missing - Token Finder failed\"}",
        refused.body());
    assertEquals("Bearer", refused.headers().firstValue("WWW-Authenticate").orElse(null));
  }
}
