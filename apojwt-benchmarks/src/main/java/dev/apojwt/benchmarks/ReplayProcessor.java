package dev.apojwt.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * The cheapest possible source-generating processor, for the compile-time benchmark: in its first
 * round it writes, unchanged, the guards apojwt generated in an earlier run ({@code
 * -Areplay.dir=<dir>}). javac then does exactly the work it does for apojwt's output (a further
 * round over the new sources, and their compilation) while the processor does next to nothing, so
 * the difference to apojwt's own run is apojwt's own cost.
 */
public final class ReplayProcessor extends AbstractProcessor {
  private boolean written;

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of("replay.dir");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
    if (written || roundEnv.processingOver()) {
      return false;
    }
    written = true;
    Path root = Path.of(processingEnv.getOptions().get("replay.dir"));
    try (Stream<Path> walk = Files.walk(root)) {
      List<Path> sources = walk.filter(p -> p.toString().endsWith(".java")).toList();
      for (Path source : sources) {
        String relative = root.relativize(source).toString();
        String name = relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
        try (Writer out = processingEnv.getFiler().createSourceFile(name).openWriter()) {
          out.write(Files.readString(source));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return false;
  }
}
