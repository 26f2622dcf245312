package dev.apojwt.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumerProjectTest {
  @TempDir Path dir;

  @Test
  void fillsPlaceholdersWithTheirBlocksIndentedAsThePlaceholder() {
    var project =
        new ConsumerProject(Map.of("startup", "int a = 1;\n\nint b = 2;\n", "pom.xml", "<p/>\n"));

    assertEquals(
        "class S {\n  void start() {\n    int a = 1;\n\n    int b = 2;\n  }\n}\n",
        project.fill(
            "class S {\n  void start() {\n    // consumer-test: startup\n  }\n}\n",
            Path.of("S.java")));
    assertEquals("<p/>\n", project.fill("<!-- consumer-test: pom.xml -->\n", Path.of("pom.xml")));
  }

  @Test
  void aPlaceholderWithoutItsBlockIsAnError() {
    var project = new ConsumerProject(Map.of());

    var e =
        assertThrows(
            IllegalStateException.class,
            () -> project.fill("// consumer-test: Orders\n", Path.of("Orders.java")));
    assertEquals(
        "Orders.java wants README.md's block Orders, but no block is marked so", e.getMessage());
  }

  @Test
  void writesTheFixtureWithItsBlocksAndReplacesAnEarlierOutput() throws IOException {
    Path fixture = Files.createDirectories(dir.resolve("fixture/app/src"));
    Files.writeString(fixture.resolve("Perms.java"), "package p;\n\n// consumer-test: Perms\n");
    Files.writeString(dir.resolve("fixture/settings.xml"), "<settings/>\n");
    Path output = Files.createDirectories(dir.resolve("out/stale"));

    new ConsumerProject(Map.of("Perms", "interface Perms {}\n"))
        .write(dir.resolve("fixture"), dir.resolve("out"));

    assertEquals(
        "package p;\n\ninterface Perms {}\n",
        Files.readString(dir.resolve("out/app/src/Perms.java")));
    assertEquals("<settings/>\n", Files.readString(dir.resolve("out/settings.xml")));
    assertFalse(Files.exists(output));
  }

  @Test
  void aMarkedBlockThatNoFileUsesIsAnError() throws IOException {
    Path fixture = Files.createDirectories(dir.resolve("fixture"));
    Files.writeString(fixture.resolve("pom.xml"), "<!-- consumer-test: pom.xml -->\n");

    var e =
        assertThrows(
            IllegalStateException.class,
            () ->
                new ConsumerProject(Map.of("pom.xml", "<p/>\n", "Orders", "interface O {}\n"))
                    .write(fixture, dir.resolve("out")));
    assertEquals(
        "README.md marks blocks that no file of "
            + fixture
            + " uses: [Orders]; add a placeholder line // consumer-test: NAME, or remove the marker",
        e.getMessage());
  }
}
