package dev.apojwt.sample.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A small HTTP client for the end-to-end tests, on {@link HttpClient}. Cookies are handled by hand
 * (no cookie manager): the tests check every attribute the server sets.
 */
public final class Http {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final String base;
  private final int port;

  public Http(int port) {
    this.port = port;
    this.base = "http://127.0.0.1:" + port;
  }

  /** A response with its body parsed as JSON when there is one. */
  public static final class Response {
    public final int status;
    public final HttpResponse<String> raw;

    Response(HttpResponse<String> raw) {
      this.raw = raw;
      this.status = raw.statusCode();
    }

    public JsonNode json() {
      try {
        return JSON.readTree(raw.body());
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + raw.body(), e);
      }
    }

    public Optional<String> header(String name) {
      return raw.headers().firstValue(name);
    }

    public List<String> headers(String name) {
      return raw.headers().allValues(name);
    }

    /** The {@code Set-Cookie} header for {@code name}. */
    public Optional<String> setCookie(String name) {
      return headers("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst();
    }

    /** The value the {@code Set-Cookie} header gives {@code name}. */
    public String cookieValue(String name) {
      String cookie = setCookie(name).orElseThrow(() -> new AssertionError("no cookie " + name));
      int end = cookie.indexOf(';');
      return cookie.substring(name.length() + 1, end < 0 ? cookie.length() : end);
    }

    @Override
    public String toString() {
      return status + " " + raw.headers().map() + " " + raw.body();
    }
  }

  /** A request to {@code path}; {@code headers} are name, value pairs. */
  public Response send(String method, String path, String jsonBody, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
    if (jsonBody != null) {
      request.header("Content-Type", "application/json");
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    request.method(
        method,
        jsonBody == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(jsonBody));
    try {
      return new Response(client.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public Response get(String path, String... headers) {
    return send("GET", path, null, headers);
  }

  /** GET with {@code Authorization: Bearer <token>}. */
  public Response getWith(String token, String path) {
    return get(path, "Authorization", "Bearer " + token);
  }

  public Response post(String path, String jsonBody, String... headers) {
    return send("POST", path, jsonBody, headers);
  }

  /**
   * Sends {@code request} byte for byte over a plain socket (for requests {@link HttpClient}
   * refuses to send) and returns the whole answer as ISO-8859-1 text (the request should say {@code
   * Connection: close}).
   */
  public String raw(byte[] request) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readNBytes(64 * 1024), StandardCharsets.ISO_8859_1);
      if (!response.startsWith("HTTP/1.1 ")) {
        throw new AssertionError("not an HTTP response: " + response);
      }
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The status code of a raw response. */
  public static int status(String rawResponse) {
    return Integer.parseInt(rawResponse.substring(9, 12));
  }
}
