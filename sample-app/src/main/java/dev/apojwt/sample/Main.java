package dev.apojwt.sample;

import dev.apojwt.sample.auth.PasswordHasher;
import dev.apojwt.sample.config.AppConfig;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;

/**
 * {@code java -jar sample-app.jar} starts the service, configured by environment variables (README
 * lists them). {@code java -jar sample-app.jar hash-password} reads a password (from the terminal,
 * or the first line of standard input) and prints its hash for a users file.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs the command line; returns the exit status (0 while the server keeps running). */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 1 && args[0].equals("hash-password")) {
      return hashPassword(out, err);
    }
    if (args.length != 0) {
      err.println("usage: java -jar sample-app.jar [hash-password]");
      return 2;
    }
    AppConfig config;
    SampleApp app;
    try {
      config = AppConfig.fromEnvironment();
      app = SampleApp.start(config, Clock.systemUTC());
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
    return 0;
  }

  private static int hashPassword(PrintStream out, PrintStream err) {
    AppConfig config;
    try {
      config = AppConfig.fromEnvironment();
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    }
    char[] password;
    Console console = System.console();
    if (console != null) {
      password = console.readPassword("password: ");
    } else {
      try {
        String line =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        password = line == null ? null : line.toCharArray();
      } catch (IOException e) {
        err.println("cannot read the password: " + e.getMessage());
        return 1;
      }
    }
    if (password == null || password.length == 0) {
      err.println("no password given");
      return 2;
    }
    try {
      out.println(
          new PasswordHasher(config.passwordHashIterations(), new SecureRandom()).hash(password));
    } finally {
      Arrays.fill(password, '\0');
    }
    return 0;
  }
}
