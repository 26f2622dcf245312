package dev.apojwt.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.apojwt.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The write stage renders on a worker thread beside javac's where there is a second core: the
 * output must not depend on it, and a file that fails to render is a crash report on its element
 * while the others are still written.
 */
class SourceFilesTest {
  static final JavaFileObject[] SOURCES = {
    GeneratedCodeTest.PERMS,
    GeneratedCodeTest.BILLING,
    GeneratedCodeTest.ORDERS,
    GeneratedCodeTest.STORE,
    GeneratedCodeTest.SESSIONS,
    GeneratedCodeTest.OLD,
    GeneratedCodeTest.OVERLOADED
  };

  @Test
  void renderingOnAWorkerWritesTheSameFilesInTheSameOrder() throws Exception {
    List<String> classPath = List.of(System.getProperty("java.class.path"));
    List<String> parallel =
        TestCompiler.generatedSourceNames(classPath, new ApoJwtProcessor(h -> {}, true), SOURCES);
    List<String> sequential =
        TestCompiler.generatedSourceNames(classPath, new ApoJwtProcessor(h -> {}, false), SOURCES);
    assertThat(parallel).contains("com.example.GuardedOverloaded");
    assertThat(parallel).containsExactlyElementsIn(sequential).inOrder();

    Compilation onWorker =
        TestCompiler.javac().withProcessors(new ApoJwtProcessor(h -> {}, true)).compile(SOURCES);
    Compilation inline =
        TestCompiler.javac().withProcessors(new ApoJwtProcessor(h -> {}, false)).compile(SOURCES);
    assertThat(onWorker).succeededWithoutWarnings();
    for (String name : sequential) {
      assertThat(TestCompiler.generatedSource(onWorker, name))
          .isEqualTo(TestCompiler.generatedSource(inline, name));
    }
  }

  @Test
  void aFileThatFailsToRenderIsACrashReportOnItsElementAndTheOthersAreWritten() {
    JavaFileObject cursed =
        source("com.example.Cursed", "package com.example;", "public interface Cursed {}");
    JavaFileObject fine =
        source("com.example.Fine", "package com.example;", "public interface Fine {}");
    Compilation c =
        TestCompiler.javac().withProcessors(new RenderingProcessor()).compile(cursed, fine);
    assertThat(c).hadErrorCount(1);
    assertThat(c)
        .hadErrorContaining(
            "apojwt could not process this interface (java.lang.IllegalStateException: render"
                + " bug); please report it, with this stack trace:")
        .inFile(cursed)
        .onLineContaining("public interface Cursed");
    assertThat(
            TestCompiler.generatedSourceNames(
                List.of(System.getProperty("java.class.path")),
                new RenderingProcessor(),
                cursed,
                fine))
        .containsExactly("com.example.FineCopy");
  }

  /** Writes {@code <Name>Copy} for every root type through SourceFiles; Cursed fails to render. */
  static final class RenderingProcessor extends AbstractProcessor {
    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
      if (roundEnv.processingOver() || roundEnv.getRootElements().isEmpty()) {
        return false;
      }
      Reporter reporter = new Reporter(processingEnv.getMessager());
      reporter.addRootElements(roundEnv.getRootElements());
      List<TypeElement> types = new ArrayList<>();
      for (Element root : roundEnv.getRootElements()) {
        if (root instanceof TypeElement && !root.getSimpleName().toString().endsWith("Copy")) {
          types.add((TypeElement) root);
        }
      }
      try (SourceFiles files = new SourceFiles(processingEnv.getFiler(), reporter, true)) {
        for (TypeElement type : types) {
          String name = type.getSimpleName().toString();
          files.add(
              type,
              "interface",
              () -> {
                if (name.equals("Cursed")) {
                  throw new IllegalStateException("render bug");
                }
                return JavaFile.builder(
                        "com.example", TypeSpec.interfaceBuilder(name + "Copy").build())
                    .build();
              });
        }
      }
      return false;
    }
  }
}
