package dev.apojwt.templatetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps README's examples honest: each one is a source file that the tests compile and run, and
 * README shows it under a marker naming the file, {@code <!-- source: path -->}, in the code block
 * right after it (of any language: a source file, or a text file the tests keep), byte for byte.
 */
public final class ReadmeSnippets {
  private ReadmeSnippets() {}

  /**
   * Fails unless README shows {@code sourcePath} (relative to the repository root, e.g. {@code
   * apojwt-javalin/src/test/java/com/example/HelloService.java}) exactly as it is.
   */
  public static void assertShown(String sourcePath) throws IOException {
    Path root = Path.of("").toAbsolutePath();
    while (!Files.exists(root.resolve("README.md")) || !Files.exists(root.resolve(sourcePath))) {
      root = root.getParent();
      assertTrue(root != null, "no README.md above the working directory beside " + sourcePath);
    }
    String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
    String marker = "<!-- source: " + sourcePath + " -->";
    int at = readme.indexOf(marker);
    assertTrue(at >= 0, "README.md shows no " + marker);
    int open = readme.indexOf("```", at);
    assertEquals(
        at + marker.length() + 1, open, "the code block must follow " + marker + " directly");
    int start = readme.indexOf('\n', open) + 1; // after the fence and its language (java, text)
    int end = readme.indexOf("```\n", start);
    String source = Files.readString(root.resolve(sourcePath), StandardCharsets.UTF_8);
    assertEquals(source, readme.substring(start, end), "README.md's copy of " + sourcePath);
  }
}
