package dev.apojwt.spring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The JDK's HTTP client against a test application on loopback. */
final class Http {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private Http() {}

  static HttpRequest.Builder request(int port, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(20));
  }

  static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<String> get(int port, String path, String... headers) {
    HttpRequest.Builder r = request(port, path);
    if (headers.length > 0) {
      r.headers(headers);
    }
    return send(r.GET());
  }

  static HttpResponse<String> post(int port, String path, String... headers) {
    HttpRequest.Builder r = request(port, path);
    if (headers.length > 0) {
      r.headers(headers);
    }
    return send(r.POST(HttpRequest.BodyPublishers.noBody()));
  }
}
