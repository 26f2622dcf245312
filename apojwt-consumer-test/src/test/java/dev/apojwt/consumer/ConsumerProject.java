package dev.apojwt.consumer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the consumer project that the invoker then builds: a copy of the fixture in which every
 * placeholder line, {@code // consumer-test: NAME} or {@code <!-- consumer-test: NAME -->}, is
 * replaced by README's block of that name, indented as the placeholder. A placeholder without a
 * block, or a marked block that no placeholder uses, is an error.
 *
 * <p>Run by the build (exec:java) with three arguments: README.md, the fixture directory, and the
 * output directory, which it empties first.
 */
public final class ConsumerProject {
  private static final Pattern PLACEHOLDER =
      Pattern.compile("(\\s*)(?:// consumer-test: (\\S+)|<!-- consumer-test: (\\S+) -->)\\s*");

  private final Map<String, String> blocks;
  private final Set<String> unused;

  ConsumerProject(Map<String, String> blocks) {
    this.blocks = blocks;
    this.unused = new TreeSet<>(blocks.keySet());
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("arguments: README.md FIXTURE_DIRECTORY OUTPUT_DIRECTORY");
    }
    Path readme = Path.of(args[0]);
    ConsumerProject project = new ConsumerProject(ReadmeBlocks.parse(Files.readString(readme)));
    project.write(Path.of(args[1]), Path.of(args[2]));
  }

  /** Copies {@code fixture} to {@code output} with the blocks filled in. */
  void write(Path fixture, Path output) throws IOException {
    deleteRecursively(output);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(fixture)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      Path target = output.resolve(fixture.relativize(file).toString());
      Files.createDirectories(target.getParent());
      Files.writeString(target, fill(Files.readString(file), fixture.relativize(file)));
    }
    if (!unused.isEmpty()) {
      throw new IllegalStateException(
          "README.md marks blocks that no file of "
              + fixture
              + " uses: "
              + unused
              + "; add a placeholder line // consumer-test: NAME, or remove the marker");
    }
  }

  /** {@code template} with each placeholder line replaced by its block. */
  String fill(String template, Path file) {
    StringBuilder text = new StringBuilder();
    for (String line : template.lines().toList()) {
      Matcher placeholder = PLACEHOLDER.matcher(line);
      if (!placeholder.matches()) {
        text.append(line).append('\n');
        continue;
      }
      String name = placeholder.group(2) != null ? placeholder.group(2) : placeholder.group(3);
      String block = blocks.get(name);
      if (block == null) {
        throw new IllegalStateException(
            file + " wants README.md's block " + name + ", but no block is marked so");
      }
      unused.remove(name);
      String indent = placeholder.group(1);
      block.lines().forEach(l -> text.append(l.isEmpty() ? "" : indent + l).append('\n'));
    }
    return text.toString();
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
