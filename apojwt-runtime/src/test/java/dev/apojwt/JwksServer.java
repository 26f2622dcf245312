package dev.apojwt;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JWKS endpoint on a free loopback port (the JDK's HttpServer), whose answer a test sets: a set,
 * a status, a cache header, a body too large, or no answer until released. Counts its requests.
 */
final class JwksServer implements AutoCloseable {
  /** What the next requests get. */
  static final class Answer {
    int status = 200;
    String body = "{\"keys\":[]}";
    String cacheControl;

    /** Send no Content-Length (chunked), so the client learns the size only by reading. */
    boolean chunked;

    /** Hold the answer until {@link JwksServer#release()}. */
    boolean hang;

    String location;
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile Answer answer = new Answer();
  private volatile CountDownLatch held = new CountDownLatch(1);

  JwksServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/jwks", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
  }

  JwksServer answer(Answer answer) {
    this.answer = answer;
    return this;
  }

  /** Serves {@code jwks} with {@code maxAge} (null: no Cache-Control). */
  JwksServer serve(String jwks, String cacheControl) {
    Answer a = new Answer();
    a.body = jwks;
    a.cacheControl = cacheControl;
    return answer(a);
  }

  JwksServer status(int status) {
    Answer a = new Answer();
    a.status = status;
    a.body = "{\"error\":\"down\"}";
    return answer(a);
  }

  int requests() {
    return requests.get();
  }

  void resetCount() {
    requests.set(0);
  }

  /** Lets every held answer go. */
  void release() {
    held.countDown();
    held = new CountDownLatch(1);
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    Answer a = answer;
    try (exchange) {
      if (a.hang) {
        try {
          held.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      byte[] body = a.body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      if (a.cacheControl != null) {
        exchange.getResponseHeaders().set("Cache-Control", a.cacheControl);
      }
      if (a.location != null) {
        exchange.getResponseHeaders().set("Location", a.location);
      }
      exchange.sendResponseHeaders(a.status, a.chunked ? 0 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (IOException e) {
      // The client gave up (a timeout, a body too large): nothing to answer.
    }
  }

  @Override
  public void close() {
    release();
    server.stop(0);
    threads.shutdownNow();
  }
}
