package dev.apojwt.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CI runs exactly the test command that README gives a newcomer. */
class TestCommandTest {
  private static final Path ROOT = Path.of("..");

  @Test
  void ciRunsReadmesTestCommand() throws IOException {
    List<String> readme = Files.readAllLines(ROOT.resolve("README.md"));
    int intro = indexOfFirstStartingWith(readme, "Run every test");
    int fence = readme.subList(intro, readme.size()).indexOf("```sh") + intro;
    String readmeCommand = readme.get(fence + 1);

    List<String> ciCommands =
        Files.readAllLines(ROOT.resolve(".ci/run")).stream()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .filter(line -> !line.startsWith("set ") && !line.startsWith("cd "))
            .toList();

    assertTrue(readmeCommand.startsWith("./mvnw "), readmeCommand);
    assertEquals(List.of(readmeCommand), ciCommands);
  }

  private static int indexOfFirstStartingWith(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("README.md has no line starting with " + prefix);
  }
}
