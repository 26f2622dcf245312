package dev.apojwt.samplespring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * README's run command, after the build made the jar: {@code java -jar
 * sample-spring/target/sample-spring.jar} starts the service, which logs in and serves notes.
 */
class RunCommandIT {
  @Test
  void theJarStartsTheService() throws Exception {
    Path jar = Path.of("target", "sample-spring.jar");
    assertTrue(Files.isRegularFile(jar), "package made " + jar.toAbsolutePath());
    int port = freePort();
    Path log = Files.createTempFile("sample-spring", ".log");
    ProcessBuilder command =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    command.environment().put("PORT", String.valueOf(port));
    Process service = command.start();
    try {
      Client client = new Client(port);
      HttpResponse<String> login = awaitLogin(client, service, log);
      assertEquals(200, login.statusCode(), login::body);
      HttpResponse<String> mine =
          client.send(
              "GET", "/notes/mine", null, "Authorization", Client.bearer(Client.accessOf(login)));
      assertEquals(200, mine.statusCode(), mine::body);
      assertEquals("[]", mine.body());
      String output = Files.readString(log);
      assertTrue(output.contains("Started SampleSpringApplication"), output);
    } finally {
      service.destroy();
      if (!service.waitFor(20, TimeUnit.SECONDS)) {
        service.destroyForcibly();
      }
    }
  }

  private static HttpResponse<String> awaitLogin(Client client, Process service, Path log)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      if (!service.isAlive()) {
        throw new AssertionError("the service stopped: " + Files.readString(log));
      }
      try {
        return client.login("alice", "alice-demo");
      } catch (UncheckedIOException notYet) {
        Thread.sleep(250);
      }
    }
    throw new AssertionError("the service did not answer in 120 s: " + Files.readString(log));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
