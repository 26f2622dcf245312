package dev.apojwt.samplespring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JDK's HTTP client against the service on loopback. */
final class Client {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final Pattern ACCESS = Pattern.compile("\"access_token\":\"([^\"]+)\"");
  private static final Pattern REFRESH = Pattern.compile("refresh_token=([^;]*);");

  private final int port;

  Client(int port) {
    this.port = port;
  }

  HttpResponse<String> send(String method, String path, String json, String... headers) {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      r.header("Content-Type", "application/json");
    }
    if (headers.length > 0) {
      r.headers(headers);
    }
    try {
      return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> login(String user, String password) {
    return send(
        "POST", "/auth/login", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
  }

  /** The demo user's access token. */
  String access(String user) {
    return accessOf(login(user, user + "-demo"));
  }

  static String accessOf(HttpResponse<String> issued) {
    Matcher m = ACCESS.matcher(issued.body());
    if (!m.find()) {
      throw new AssertionError("no access token in " + issued.body());
    }
    return m.group(1);
  }

  static String refreshOf(HttpResponse<String> issued) {
    Matcher m = REFRESH.matcher(issued.headers().firstValue("Set-Cookie").orElse(""));
    if (!m.find()) {
      throw new AssertionError("no refresh cookie in " + issued.headers());
    }
    return m.group(1);
  }

  static String bearer(String token) {
    return "Bearer " + token;
  }
}
