package dev.apojwt.processor;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles with the processor into a real class output directory ({@code -d}), as a build tool
 * does, so that a later compilation finds what an earlier one left there.
 */
final class DirectoryCompiler {
  /** What a compilation reported. */
  record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    List<String> messages(Diagnostic.Kind kind) {
      List<String> messages = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
        if (d.getKind() == kind) {
          messages.add(d.getMessage(Locale.ROOT));
        }
      }
      return messages;
    }
  }

  private DirectoryCompiler() {}

  /** The test's own class path: the runtime, the annotations, {@link Request}. */
  static List<File> testClassPath() {
    List<File> classPath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classPath.add(new File(entry));
    }
    return classPath;
  }

  /** Compiles into {@code out}, which is on the class path too (as Maven has it). */
  static Result compile(Path out, JavaFileObject... sources) {
    List<File> classPath = new ArrayList<>(testClassPath());
    classPath.add(0, out.toFile());
    return compile(out, classPath, UnaryOperator.identity(), sources);
  }

  static Result compile(
      Path out,
      List<File> classPath,
      UnaryOperator<JavaFileManager> fileManager,
      JavaFileObject... sources) {
    return compileWithOptions(out, List.of("-classpath", path(classPath)), fileManager, sources);
  }

  /** {@code path}: {@code -classpath ...} or {@code --module-path ...}. */
  static Result compileWithOptions(
      Path out,
      List<String> path,
      UnaryOperator<JavaFileManager> fileManager,
      JavaFileObject... sources) {
    try {
      Files.createDirectories(out);
      Path generated = Files.createDirectories(out.resolveSibling(out.getFileName() + "-sources"));
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      StandardJavaFileManager standard =
          javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
      List<String> options = new ArrayList<>();
      options.add(TestCompiler.LINT);
      options.addAll(List.of("-d", out.toString(), "-s", generated.toString()));
      options.addAll(path);
      JavaCompiler.CompilationTask task =
          javac.getTask(
              new StringWriter(),
              fileManager.apply(standard),
              diagnostics,
              options,
              null,
              List.of(sources));
      task.setProcessors(List.of(new ApoJwtProcessor()));
      boolean success = task.call();
      standard.close();
      return new Result(success, diagnostics.getDiagnostics());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String path(List<File> entries) {
    StringBuilder path = new StringBuilder();
    for (File entry : entries) {
      path.append(path.length() == 0 ? "" : File.pathSeparator).append(entry);
    }
    return path.toString();
  }

  /** The lines of {@code out}'s services file, or null when there is none. */
  static List<String> servicesFile(Path out) throws IOException {
    Path file = out.resolve(ServicesFile.PATH);
    return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : null;
  }
}
