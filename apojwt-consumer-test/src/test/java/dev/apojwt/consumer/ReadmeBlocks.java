package dev.apojwt.consumer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fenced code blocks of README.md that the consumer test builds: each is marked by a line
 * {@code <!-- consumer-test: NAME -->} right before its opening fence. A marker that is malformed,
 * repeated, or not followed by a block is an error, so an edit of README cannot drop a block from
 * the test unnoticed.
 */
final class ReadmeBlocks {
  private static final String MARKER_START = "<!-- consumer-test";
  private static final Pattern MARKER = Pattern.compile("<!-- consumer-test: (\\S+) -->");
  private static final Pattern OPENING_FENCE = Pattern.compile("```[A-Za-z]*");
  private static final String CLOSING_FENCE = "```";

  private ReadmeBlocks() {}

  /** The marked blocks of {@code readme} by name, in order; each block's text ends with "\n". */
  static Map<String, String> parse(String readme) {
    List<String> lines = readme.lines().toList();
    Map<String, String> blocks = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.startsWith(MARKER_START)) {
        continue;
      }
      Matcher marker = MARKER.matcher(line);
      if (!marker.matches()) {
        throw new IllegalArgumentException(
            at(i) + "malformed marker " + line + ": write <!-- consumer-test: NAME -->");
      }
      String name = marker.group(1);
      int open = i + 1;
      if (open == lines.size() || !OPENING_FENCE.matcher(lines.get(open)).matches()) {
        throw new IllegalArgumentException(
            at(i) + "the marker of " + name + " must stand right before a ``` code block");
      }
      int close = lines.subList(open + 1, lines.size()).indexOf(CLOSING_FENCE);
      if (close < 0) {
        throw new IllegalArgumentException(at(open) + "the block " + name + " is never closed");
      }
      close += open + 1;
      String block = String.join("\n", lines.subList(open + 1, close)) + "\n";
      if (blocks.putIfAbsent(name, block) != null) {
        throw new IllegalArgumentException(at(i) + "a second block is marked " + name);
      }
      i = close;
    }
    return blocks;
  }

  private static String at(int index) {
    return "README.md line " + (index + 1) + ": ";
  }
}
