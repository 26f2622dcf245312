package dev.apojwt.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.apojwt.processor.DiagnosticAssertions.PERMS;
import static dev.apojwt.processor.DiagnosticAssertions.assertError;
import static dev.apojwt.processor.DiagnosticAssertions.assertGenerated;
import static dev.apojwt.processor.DiagnosticAssertions.assertNote;
import static dev.apojwt.processor.TestCompiler.compile;
import static dev.apojwt.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Compile error 4: a permission the catalog does not declare, with "did you mean". */
class UnknownPermissionDiagnosticsTest {
  @Test
  void withDidYouMean() {
    JavaFileObject orders =
        source(
            "com.example.Orders",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "public interface Orders {",
            "  @PermissionRequired(\"orders:raed\")",
            "  String list();",
            "}");
    Compilation c = compile(PERMS, orders);
    assertError(
        c,
        1,
        "permission \"orders:raed\" is not in the permission catalog (com.example.Perms): did you"
            + " mean \"orders:read\"?",
        orders,
        "orders:raed");
    // The catalog itself is fine, so its hierarchy is still generated; the guard is not.
    assertGenerated(List.of("com.example.PermsHierarchy"), PERMS, orders);
  }

  @Test
  void withoutSuggestionWhenNothingIsClose() {
    JavaFileObject orders =
        source(
            "com.example.Orders",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "public interface Orders {",
            "  @PermissionRequired(anyOf = {\"orders:read\", \"billing:export\"})",
            "  String list();",
            "}");
    assertError(
        compile(PERMS, orders),
        1,
        "permission \"billing:export\" is not in the permission catalog (com.example.Perms):"
            + " declare it there, or fix the name",
        orders,
        "billing:export");
  }

  @Test
  void namesAreNotCheckedWithoutACatalog() {
    JavaFileObject orders =
        source(
            "com.example.Orders",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "public interface Orders {",
            "  @PermissionRequired(\"anything:goes\")",
            "  String list();",
            "}");
    assertThat(compile(orders)).succeededWithoutWarnings();
  }

  static final String UNCHECKED =
      "permission names are not checked: no @PermissionCatalog is known, so a misspelt permission"
          + " in @PermissionRequired compiles; declare the permissions as constants of a"
          + " @PermissionCatalog (or name a library's catalog with -Aapojwt.catalog), and add"
          + " -Aapojwt.requireCatalog=true to make a missing catalog an error";

  @Test
  void withoutACatalogOneNotePerCompilationSaysNamesAreUnchecked() {
    JavaFileObject orders =
        source(
            "com.example.Orders",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "public interface Orders {",
            "  @PermissionRequired(\"orders:read\") String get();",
            "  @PermissionRequired(\"orders:raed\") String list();",
            "}");
    JavaFileObject billing =
        source(
            "com.example.Billing",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@PermissionRequired(\"billing:read\")",
            "public interface Billing { String invoices(); }");
    Compilation c = compile(orders, billing);
    assertThat(c).succeededWithoutWarnings();
    assertNote(c, 1, UNCHECKED, orders, "\"orders:read\"");
  }

  @Test
  void noNoteWithACatalogOrWithoutPermissionChecks() {
    JavaFileObject checked =
        source(
            "com.example.Orders",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "public interface Orders { @PermissionRequired(Perms.ORDERS_READ) String get(); }");
    JavaFileObject tokenOnly =
        source(
            "com.example.Health",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@TokenRequired",
            "public interface Health { String get(); }");
    for (Compilation c : List.of(compile(PERMS, checked), compile(tokenOnly))) {
      assertThat(c).succeededWithoutWarnings();
      assertThat(c.notes().stream().filter(n -> n.getMessage(null).contains(UNCHECKED)).count())
          .isEqualTo(0);
    }
  }
}
