package dev.apojwt.benchmarks.http;

import dev.apojwt.ApoJwt;
import dev.apojwt.Template;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The HTTP-level cost of a guarded call, per template: requests per second of the guarded route
 * against the same route with no guard, on the same server in the same run, driven over loopback by
 * N concurrent keep-alive connections (each a thread sending one request after the other). Rounds
 * alternate between the two routes; every round is bounded in time. The JDK's server runs with
 * {@code sun.net.httpserver.nodelay=true}, as it should in production: without it, Nagle's
 * algorithm holds its responses back by 40 ms.
 *
 * <p>{@code java -cp apojwt-benchmarks/target/benchmarks.jar dev.apojwt.benchmarks.http.HttpLoad
 * [--connections 16] [--seconds 8] [--rounds 4] [--quick]} (about 3 minutes). Client and server
 * share the machine, so read the ratio, not the absolute figures.
 */
public final class HttpLoad {
  private static final String SECRET = "http-benchmark-access-secret-of-32-bytes-or-more";

  private HttpLoad() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    List<String> options = Arrays.asList(args);
    boolean quick = options.contains("--quick");
    int connections = intOption(options, "--connections", 16);
    int seconds = intOption(options, "--seconds", quick ? 2 : 8);
    int rounds = intOption(options, "--rounds", quick ? 1 : 4);
    Function<Template, ApoJwt> jwtFor =
        template -> ApoJwt.builder().secret(SECRET).template(template).build();
    String token =
        ApoJwt.builder()
            .secret(SECRET)
            .build()
            .createToken("alice", List.of("orders:read"), java.util.Map.of());
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            Locale.ROOT,
            "%d connections, %d x %d s per route, alternating; median (min-max) req/s%n%n",
            connections,
            rounds,
            seconds));
    table.append("| template | no guard | guarded (HS256, 1 permission) | guarded / no guard |\n");
    table.append("|---|---|---|---|\n");
    for (Servers kind : Servers.values()) {
      try (Servers.Running server = kind.start(jwtFor)) {
        Load load = new Load(server.port, token, connections);
        try {
          for (int w = 0; w < 2; w++) { // warm-up, both routes
            load.run("/open", quick ? 1 : 4);
            load.run("/guarded", quick ? 1 : 4);
          }
          List<Double> open = new ArrayList<>();
          List<Double> guarded = new ArrayList<>();
          for (int r = 0; r < rounds; r++) { // each route first in every other round
            if (r % 2 == 0) {
              open.add(load.run("/open", seconds));
              guarded.add(load.run("/guarded", seconds));
            } else {
              guarded.add(load.run("/guarded", seconds));
              open.add(load.run("/open", seconds));
            }
          }
          double ratio = median(guarded) / median(open);
          table.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %s | %s | %.2f |%n",
                  kind.label,
                  figures(open),
                  figures(guarded),
                  ratio));
          System.out.println(kind.label + " done");
        } finally {
          load.close();
        }
      }
    }
    System.out.println();
    System.out.println(table);
  }

  /**
   * N threads, each with its own keep-alive connection (TCP_NODELAY), sending one GET after the
   * other and reading each response in full. A plain socket rather than the JDK's HttpClient, whose
   * own cost per request would otherwise dominate what is measured here.
   */
  private static final class Load implements AutoCloseable {
    private final int port;
    private final String token;
    private final int connections;
    private final ExecutorService threads;

    Load(int port, String token, int connections) {
      this.port = port;
      this.token = token;
      this.connections = connections;
      this.threads = Executors.newFixedThreadPool(connections);
    }

    /** Requests per second on {@code path} for {@code seconds}; fails on any non-200. */
    double run(String path, int seconds) throws InterruptedException {
      byte[] request =
          ("GET "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1:"
                  + port
                  + "\r\nAuthorization: Bearer "
                  + token
                  + "\r\nAccept: */*\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII);
      LongAdder done = new LongAdder();
      AtomicBoolean stop = new AtomicBoolean();
      List<String> failures = new CopyOnWriteArrayList<>();
      CountDownLatch finished = new CountDownLatch(connections);
      for (int i = 0; i < connections; i++) {
        threads.execute(
            () -> {
              try {
                while (!stop.get()) {
                  if (!requests(path, request, stop, done, failures)) {
                    return;
                  }
                }
              } finally {
                finished.countDown();
              }
            });
      }
      long start = System.nanoTime();
      Thread.sleep(seconds * 1000L);
      stop.set(true);
      long count = done.sum();
      double elapsed = (System.nanoTime() - start) / 1e9;
      finished.await();
      if (!failures.isEmpty()) {
        throw new IllegalStateException("requests failed: " + failures.get(0));
      }
      return count / elapsed;
    }

    /**
     * Sends requests over one connection until {@code stop}, or until the server closes it (as
     * Tomcat does after its keep-alive limit): true to go on with a new connection.
     */
    private boolean requests(
        String path, byte[] request, AtomicBoolean stop, LongAdder done, List<String> failures) {
      int sent = 0;
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        InputStream in = new BufferedInputStream(socket.getInputStream());
        while (!stop.get()) {
          out.write(request);
          sent++;
          int status = readResponse(in);
          if (status != 200) {
            failures.add(path + " -> " + status);
            return false;
          }
          done.increment();
        }
        return false;
      } catch (IOException | RuntimeException e) {
        if (sent > 1) {
          return true; // closed after some requests: reconnect
        }
        failures.add(path + " -> " + e);
        return false;
      }
    }

    /** Reads one response (Content-Length or chunked body) and returns its status. */
    private static int readResponse(InputStream in) throws IOException {
      String statusLine = line(in);
      int status = Integer.parseInt(statusLine.substring(9, 12));
      long length = -1;
      boolean chunked = false;
      for (String header = line(in); !header.isEmpty(); header = line(in)) {
        String lower = header.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Long.parseLong(lower.substring(15).trim());
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        }
      }
      if (chunked) {
        for (long size = Long.parseLong(line(in).trim(), 16); size > 0; ) {
          skip(in, size + 2);
          size = Long.parseLong(line(in).trim(), 16);
        }
        line(in);
      } else if (length > 0) {
        skip(in, length);
      }
      return status;
    }

    private static String line(InputStream in) throws IOException {
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          throw new IOException("connection closed");
        }
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    }

    private static void skip(InputStream in, long n) throws IOException {
      for (long left = n; left > 0; ) {
        long skipped = in.skip(left);
        if (skipped <= 0) {
          if (in.read() < 0) {
            throw new IOException("connection closed");
          }
          skipped = 1;
        }
        left -= skipped;
      }
    }

    @Override
    public void close() {
      threads.shutdownNow();
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String figures(List<Double> values) {
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    return String.format(Locale.ROOT, "%,.0f (%,.0f-%,.0f)", median(values), min, max);
  }

  private static int intOption(List<String> options, String name, int fallback) {
    int at = options.indexOf(name);
    return at < 0 ? fallback : Integer.parseInt(options.get(at + 1));
  }
}
