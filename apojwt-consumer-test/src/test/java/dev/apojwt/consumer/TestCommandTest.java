package dev.apojwt.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CI runs exactly the test command that README gives a newcomer, after providing what README says
 * the tests need: the redis-server the session tests start (installed when missing, and required,
 * so that CI fails rather than skips those tests).
 */
class TestCommandTest {
  private static final Path ROOT = Path.of("..");

  private static final List<String> CI_PREPARATION =
      List.of(".ci/install-redis-server", "export APOJWT_REQUIRE_REDIS=true");

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
    List<String> expected = new ArrayList<>(CI_PREPARATION);
    expected.add(readmeCommand);
    assertEquals(expected, ciCommands);
    String paragraph = String.join(" ", readme.subList(intro, fence));
    assertTrue(
        paragraph.contains("redis-server"),
        "README names what its test command needs: " + paragraph);
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
