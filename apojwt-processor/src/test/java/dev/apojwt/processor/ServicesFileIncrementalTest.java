package dev.apojwt.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.apojwt.processor.TestCompiler.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incremental build recompiles only some sources into the class output of an earlier build: the
 * services file must still list every factory there, and only those that still hold. Each test
 * first builds A and B (nested in a class) into one directory, then recompiles a part of it.
 */
class ServicesFileIncrementalTest {
  static final JavaFileObject A =
      source(
          "com.example.A",
          "package com.example;",
          "import dev.apojwt.annotation.*;",
          "@TokenRequired",
          "public interface A { String a(); }");

  static final JavaFileObject B =
      source(
          "com.example.b.Outer",
          "package com.example.b;",
          "import dev.apojwt.annotation.*;",
          "public final class Outer {",
          "  private Outer() {}",
          "  public interface B { @Public String b(); }",
          "}");

  static final JavaFileObject B_WITHOUT_RULES =
      source(
          "com.example.b.Outer",
          "package com.example.b;",
          "public final class Outer {",
          "  private Outer() {}",
          "  public interface B { String b(); }",
          "}");

  static final JavaFileObject B_BROKEN =
      source(
          "com.example.b.Outer",
          "package com.example.b;",
          "import dev.apojwt.annotation.*;",
          "public final class Outer {",
          "  private Outer() {}",
          "  public interface B { @Public String b(); String c(); }",
          "}");

  static final String A_LINE = "com.example.GuardedA$Factory # com.example.A";
  static final String B_LINE = "com.example.b.GuardedOuter_B$Factory # com.example.b.Outer$B";

  @TempDir Path out;

  @BeforeEach
  void buildBoth() throws IOException {
    assertThat(DirectoryCompiler.compile(out, A, B).success()).isTrue();
    assertThat(services()).containsExactly(A_LINE, B_LINE).inOrder();
  }

  List<String> services() throws IOException {
    return DirectoryCompiler.servicesFile(out);
  }

  /** Recompiles {@code sources} into the output, which is not on the class path. */
  DirectoryCompiler.Result compileWithoutOutputOnClassPath(JavaFileObject... sources) {
    return DirectoryCompiler.compile(
        out, DirectoryCompiler.testClassPath(), UnaryOperator.identity(), sources);
  }

  void delete(String... classFiles) throws IOException {
    for (String file : classFiles) {
      Files.delete(out.resolve(file));
    }
  }

  @Test
  void recompilingOneHandlerKeepsTheOthersLine() throws IOException {
    assertThat(DirectoryCompiler.compile(out, A).success()).isTrue();
    assertThat(services()).containsExactly(A_LINE, B_LINE).inOrder();
  }

  @Test
  void alsoWhenTheClassOutputIsNotOnTheClassPath() throws IOException {
    assertThat(compileWithoutOutputOnClassPath(A).success()).isTrue();
    assertThat(services()).containsExactly(A_LINE, B_LINE).inOrder();
  }

  @Test
  void recompilingTheOtherHandlerKeepsTheFirstsLine() throws IOException {
    assertThat(DirectoryCompiler.compile(out, B).success()).isTrue();
    assertThat(services()).containsExactly(A_LINE, B_LINE).inOrder();
  }

  @Test
  void aHandlerThatLostItsRulesLosesItsLine() throws IOException {
    assertThat(DirectoryCompiler.compile(out, A, B_WITHOUT_RULES).success()).isTrue();
    assertThat(services()).containsExactly(A_LINE);
  }

  @Test
  void aCompilationWithoutAnyApojwtAnnotationLeavesTheFileAsItWas() throws IOException {
    // javac runs no processor whose annotations no source carries: the line stays, and the guard
    // compiled before keeps B under its old rules (never less guarded) until the next compilation
    // that runs the processor.
    assertThat(DirectoryCompiler.compile(out, B_WITHOUT_RULES).success()).isTrue();
    assertThat(services()).containsExactly(A_LINE, B_LINE).inOrder();
    assertThat(DirectoryCompiler.compile(out, A).success()).isTrue();
    assertThat(services()).containsExactly(A_LINE);
  }

  @Test
  void aHandlerThatNowFailsValidationLosesItsLine() throws IOException {
    DirectoryCompiler.Result result = DirectoryCompiler.compile(out, A, B_BROKEN);
    assertThat(result.success()).isFalse();
    assertThat(result.messages(Diagnostic.Kind.ERROR)).hasSize(1);
    assertThat(services()).containsExactly(A_LINE);
  }

  @Test
  void aDeletedHandlerLosesItsLine() throws IOException {
    // What a build tool does when Outer.java is deleted: its classes and the generated ones go.
    delete(
        "com/example/b/Outer.class",
        "com/example/b/Outer$B.class",
        "com/example/b/GuardedOuter_B.class",
        "com/example/b/GuardedOuter_B$Factory.class");
    assertThat(DirectoryCompiler.compile(out, A).success()).isTrue();
    assertThat(services()).containsExactly(A_LINE);
  }

  @Test
  void aDeletedHandlerLosesItsLineAlsoWhenTheOutputIsNotOnTheClassPath() throws IOException {
    delete("com/example/b/Outer.class", "com/example/b/Outer$B.class");
    assertThat(compileWithoutOutputOnClassPath(A).success()).isTrue();
    assertThat(services()).containsExactly(A_LINE);
  }

  @Test
  void aLineWhoseFactoryClassIsGoneGoes() throws IOException {
    delete("com/example/b/GuardedOuter_B$Factory.class");
    assertThat(DirectoryCompiler.compile(out, A).success()).isTrue();
    assertThat(services()).containsExactly(A_LINE);
  }

  @Test
  void aLineApojwtDidNotWriteIsKept() throws IOException {
    Path file = out.resolve(ServicesFile.PATH);
    Files.writeString(
        file,
        "# hand-written\ncom.acme.AcmeFactory\n" + A_LINE + "\n" + B_LINE + "\n",
        StandardCharsets.UTF_8);
    assertThat(DirectoryCompiler.compile(out, A, B_WITHOUT_RULES).success()).isTrue();
    assertThat(services()).containsExactly("com.acme.AcmeFactory", A_LINE).inOrder();
  }

  @Test
  void anUnchangedFileIsNotRewritten() throws IOException {
    Path file = out.resolve(ServicesFile.PATH);
    FileTime before = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(file, before);
    assertThat(DirectoryCompiler.compile(out, A).success()).isTrue();
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(before);
    assertThat(services()).containsExactly(A_LINE, B_LINE).inOrder();
  }
}
