package dev.apojwt.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.apojwt.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Bad processor options: {@code -Aapojwt.catalog} and {@code -Aapojwt.requireCatalog}. */
class ProcessorOptionDiagnosticsTest {
  @Test
  void unknownCatalogOption() {
    JavaFileObject orders =
        source(
            "com.example.Orders",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@TokenRequired",
            "public interface Orders { String list(); }");
    Compilation c =
        TestCompiler.javac()
            .withOptions(TestCompiler.LINT, "-Aapojwt.catalog=com.example.Nowhere")
            .compile(orders);
    assertThat(c).hadErrorCount(1);
    assertThat(c)
        .hadErrorContaining(
            "-Aapojwt.catalog names com.example.Nowhere, which is not on the class path: add the"
                + " library that declares it, or fix the name");
  }

  @Test
  void catalogOptionNamingANonCatalog() {
    JavaFileObject orders =
        source(
            "com.example.Orders",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@TokenRequired",
            "public interface Orders { String list(); }");
    Compilation c =
        TestCompiler.javac()
            .withOptions(TestCompiler.LINT, "-Aapojwt.catalog=java.lang.String")
            .compile(orders);
    assertThat(c).hadErrorCount(1);
    assertThat(c)
        .hadErrorContaining(
            "-Aapojwt.catalog names java.lang.String, which is not annotated @PermissionCatalog");
  }
}
