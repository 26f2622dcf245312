package dev.apojwt.spring;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;

/** These tests run once per Boot line: here, on the one the module's build says. */
class BootLineTest {
  @Test
  void theTestsRunOnTheBootLineTheBuildNames() {
    String line = System.getProperty("apojwt.bootLine");
    assertNotNull(line, "the build sets apojwt.bootLine");
    String version = SpringBootVersion.getVersion();
    assertTrue(version.startsWith(line), () -> "Spring Boot " + version + ", expected " + line);
  }
}
