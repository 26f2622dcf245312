package dev.apojwt.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.apojwt.processor.DiagnosticAssertions.PERMS;
import static dev.apojwt.processor.DiagnosticAssertions.assertError;
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

  @Test
  void requireCatalogMakesAPermissionRequiredWithoutACatalogAnError() {
    JavaFileObject orders =
        source(
            "com.example.Orders",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@TokenRequired",
            "public interface Orders {",
            "  @PermissionRequired(\"orders:raed\") String get();",
            "  String list();",
            "}");
    Compilation c =
        TestCompiler.javac()
            .withOptions(TestCompiler.LINT, "-Aapojwt.requireCatalog=true")
            .compile(orders);
    assertError(
        c,
        1,
        "@PermissionRequired needs a permission catalog (-Aapojwt.requireCatalog=true), but none"
            + " is known: declare the permissions as constants of a @PermissionCatalog, or name a"
            + " library's catalog with -Aapojwt.catalog",
        orders,
        "@PermissionRequired(\"orders:raed\")");
  }

  @Test
  void requireCatalogWithACatalogChecksNamesAsUsual() {
    JavaFileObject orders =
        source(
            "com.example.Orders",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "public interface Orders {",
            "  @PermissionRequired(Perms.ORDERS_READ) String get();",
            "}");
    Compilation c =
        TestCompiler.javac()
            .withOptions(TestCompiler.LINT, "-Aapojwt.requireCatalog=true")
            .compile(PERMS, orders);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("com.example.GuardedOrders");
  }

  @Test
  void aRequireCatalogValueOtherThanTrueOrFalse() {
    JavaFileObject orders =
        source(
            "com.example.Orders",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@TokenRequired",
            "public interface Orders { String list(); }");
    Compilation c =
        TestCompiler.javac()
            .withOptions(TestCompiler.LINT, "-Aapojwt.requireCatalog=yes")
            .compile(orders);
    assertThat(c).hadErrorCount(1);
    assertThat(c)
        .hadErrorContaining(
            "-Aapojwt.requireCatalog is \"yes\": write -Aapojwt.requireCatalog=true, or false");
  }
}
