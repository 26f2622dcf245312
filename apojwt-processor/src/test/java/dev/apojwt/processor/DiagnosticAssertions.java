package dev.apojwt.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.apojwt.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaFileObject;

/**
 * What the {@code *DiagnosticsTest}s share. Each of them covers one group of the processor's
 * diagnostics: how many errors, the text (with its fix), the file and the line. Each source is
 * small and has exactly the problem under test.
 */
final class DiagnosticAssertions {
  private DiagnosticAssertions() {}

  static final JavaFileObject PERMS =
      source(
          "com.example.Perms",
          "package com.example;",
          "import dev.apojwt.annotation.Implies;",
          "import dev.apojwt.annotation.PermissionCatalog;",
          "@PermissionCatalog",
          "public interface Perms {",
          "  String ORDERS_READ = \"orders:read\";",
          "  @Implies(ORDERS_READ) String ORDERS_WRITE = \"orders:write\";",
          "  @Implies(ORDERS_WRITE) String ORDERS_ADMIN = \"orders:admin\";",
          "}");

  /**
   * Exactly {@code count} errors, one of them {@code message} on the line containing {@code line}.
   */
  static void assertError(
      Compilation compilation, int count, String message, JavaFileObject file, String line) {
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(count);
    assertThat(compilation).hadErrorContaining(message).inFile(file).onLineContaining(line);
  }

  /**
   * Exactly {@code count} notes containing {@code message}, one of them on the line containing
   * {@code line}.
   */
  static void assertNote(
      Compilation compilation, int count, String message, JavaFileObject file, String line) {
    assertThat(
            compilation.notes().stream()
                .filter(note -> note.getMessage(Locale.ROOT).contains(message))
                .count())
        .isEqualTo(count);
    assertThat(compilation).hadNoteContaining(message).inFile(file).onLineContaining(line);
  }

  /** Compiles {@code sources} again and checks what the processor wrote. */
  static void assertGenerated(List<String> expected, JavaFileObject... sources) {
    assertThat(TestCompiler.generatedSourceNames(sources)).containsExactlyElementsIn(expected);
  }
}
