package dev.apojwt.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apojwt.sample.auth.PasswordHasher;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String stdin, String... args) {
    InputStream original = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      return Main.run(
          args,
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
    } finally {
      System.setIn(original);
    }
  }

  @Test
  void hashPasswordPrintsAHashOfTheFirstLineOfStandardInput() {
    assertEquals(0, run("pässword with spaces\nsecond line\n", "hash-password"));
    String hash = out.toString(StandardCharsets.UTF_8).strip();
    assertTrue(hash.startsWith("pbkdf2-sha256$"), hash);
    PasswordHasher.PasswordHash parsed = PasswordHasher.PasswordHash.parse(hash);
    assertTrue(PasswordHasher.verify("pässword with spaces".toCharArray(), parsed));
  }

  @Test
  void hashPasswordRefusesAnEmptyPassword() {
    assertEquals(2, run("\n", "hash-password"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("no password"));
  }

  @Test
  void unknownArgumentsPrintUsage() {
    assertEquals(2, run("", "serve", "--now"));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("usage: "));
  }
}
