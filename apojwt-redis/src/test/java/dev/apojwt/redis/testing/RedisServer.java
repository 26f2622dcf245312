package dev.apojwt.redis.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real {@code redis-server} (Debian's package) on a free loopback port, started by a test class
 * or a benchmark and stopped by it. Without persistence by default ({@code --save "" --appendonly
 * no}); {@link #persistent} keeps its data across a kill (append-only file, fsync always).
 *
 * <p>Shipped in {@code apojwt-redis}'s test jar for the other modules' tests and benchmarks; tests
 * use {@link RedisForTests}, which skips or fails when {@code redis-server} is not installed.
 */
public final class RedisServer implements AutoCloseable {
  private final Path executable;
  private final Path dir;
  private final boolean persistent;
  private final int port;
  private Process process;

  private RedisServer(Path executable, boolean persistent) throws IOException {
    this.executable = executable;
    this.persistent = persistent;
    this.dir = Files.createTempDirectory("apojwt-redis-");
    this.port = freePort();
    launch();
  }

  /**
   * A running server without persistence.
   *
   * @throws IllegalStateException if {@code redis-server} is not installed or does not start
   */
  public static RedisServer start() {
    return start(false);
  }

  /** A running server that keeps its data across {@link #kill} and {@link #restart}. */
  public static RedisServer persistent() {
    return start(true);
  }

  private static RedisServer start(boolean persistent) {
    Path executable = find();
    if (executable == null) {
      throw new IllegalStateException(NOT_INSTALLED);
    }
    try {
      return new RedisServer(executable, persistent);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether {@code redis-server} is installed (on the PATH or in the usual places). */
  public static boolean isInstalled() {
    return find() != null;
  }

  public static final String NOT_INSTALLED =
      "redis-server is not installed: the Redis session tests need it (Debian: apt-get install -y"
          + " redis-server)";

  private static Path find() {
    List<Path> candidates = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        candidates.add(Path.of(dir, "redis-server"));
      }
    }
    candidates.add(Path.of("/usr/bin/redis-server"));
    candidates.add(Path.of("/usr/sbin/redis-server"));
    candidates.add(Path.of("/usr/local/bin/redis-server"));
    for (Path candidate : candidates) {
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** (Re)starts the server on the same port; waits until it answers PING. */
  public synchronized void launch() throws IOException {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(
        List.of("--port", Integer.toString(port), "--bind", "127.0.0.1", "--dir", dir.toString()));
    command.addAll(List.of("--save", "", "--daemonize", "no", "--loglevel", "warning"));
    if (persistent) {
      command.addAll(List.of("--appendonly", "yes", "--appendfsync", "always"));
    } else {
      command.addAll(List.of("--appendonly", "no"));
    }
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("redis.log").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!"+PONG".equals(commandQuietly("PING"))) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        String log = Files.readString(dir.resolve("redis.log"));
        throw new IllegalStateException("redis-server did not start on port " + port + ":\n" + log);
      }
      sleep(10);
    }
  }

  /** Kills the server and starts it again on the same port, with whatever data it kept. */
  public synchronized void restart() throws IOException {
    kill();
    launch();
  }

  /** Kills the server at once (SIGKILL), as a crash would. */
  public synchronized void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Kills the server and starts it again with no data at all (a server that lost everything). */
  public synchronized void restartEmpty() throws IOException {
    kill();
    deleteData();
    launch();
  }

  private void deleteData() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (!file.getFileName().toString().equals("redis.log")) {
          deleteTree(file);
        }
      }
    }
  }

  /** One command over RESP, for inspecting the server from a test; the reply's first line. */
  public String command(String... args) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
      socket.setSoTimeout(2000);
      StringBuilder request = new StringBuilder("*" + args.length + "\r\n");
      for (String arg : args) {
        request.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
        request.append(arg).append("\r\n");
      }
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      int c;
      while ((c = in.read()) != -1 && c != '\n') {
        if (c != '\r') {
          line.append((char) c);
        }
      }
      if (line.length() > 0 && line.charAt(0) == '$' && !line.toString().equals("$-1")) {
        line.setLength(0);
        while ((c = in.read()) != -1 && c != '\n') {
          if (c != '\r') {
            line.append((char) c);
          }
        }
      }
      return line.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String commandQuietly(String... args) {
    try {
      return command(args);
    } catch (UncheckedIOException e) {
      return null;
    }
  }

  @Override
  public synchronized void close() throws IOException {
    kill();
    deleteTree(dir);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
