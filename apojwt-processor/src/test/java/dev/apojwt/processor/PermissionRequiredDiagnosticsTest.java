package dev.apojwt.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.apojwt.processor.DiagnosticAssertions.assertError;
import static dev.apojwt.processor.TestCompiler.compile;
import static dev.apojwt.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Compile error 3: a {@code @PermissionRequired} with nothing, a blank, padded or duplicate name,
 * or both {@code value} and {@code anyOf}.
 */
class PermissionRequiredDiagnosticsTest {
  private JavaFileObject handler(String annotation) {
    return source(
        "com.example.Orders",
        "package com.example;",
        "import dev.apojwt.annotation.*;",
        "public interface Orders {",
        "  " + annotation,
        "  String list();",
        "}");
  }

  @Test
  void nothingListed() {
    JavaFileObject orders = handler("@PermissionRequired");
    assertError(
        compile(orders),
        1,
        "@PermissionRequired lists no permission: name at least one, e.g."
            + " @PermissionRequired(\"orders:read\"), or use @TokenRequired for any valid token",
        orders,
        "@PermissionRequired");
  }

  @Test
  void explicitlyEmpty() {
    JavaFileObject orders = handler("@PermissionRequired(anyOf = {})");
    assertError(compile(orders), 1, "@PermissionRequired lists no permission", orders, "anyOf");
  }

  @Test
  void blankName() {
    JavaFileObject orders = handler("@PermissionRequired({\"orders:read\", \"  \"})");
    assertThat(compile(orders))
        .hadErrorContaining("a permission name must not be blank")
        .inFile(orders)
        .onLine(4)
        .atColumn(39); // the blank array element itself
    assertThat(compile(orders)).hadErrorCount(1);
  }

  @Test
  void paddedName() {
    JavaFileObject orders = handler("@PermissionRequired(\"orders:read \")");
    assertError(
        compile(orders),
        1,
        "permission \"orders:read \" has leading or trailing whitespace: write \"orders:read\"",
        orders,
        "@PermissionRequired");
  }

  @Test
  void duplicateName() {
    JavaFileObject orders =
        handler("@PermissionRequired(anyOf = {\"orders:read\", \"orders:read\"})");
    Compilation c = compile(orders);
    assertError(
        c,
        1,
        "permission \"orders:read\" is listed twice: remove the duplicate",
        orders,
        "@PermissionRequired");
    assertThat(c)
        .hadErrorContaining("listed twice")
        .inFile(orders)
        .onLine(4)
        .atColumn(47); // the second "orders:read"
  }

  @Test
  void bothValueAndAnyOf() {
    JavaFileObject orders =
        handler("@PermissionRequired(value = \"orders:read\", anyOf = \"orders:write\")");
    assertError(
        compile(orders),
        1,
        "@PermissionRequired has both value and anyOf: use value (the token must hold all) or"
            + " anyOf (it must hold at least one), not both",
        orders,
        "@PermissionRequired");
  }

  @Test
  void severalProblemsAreAllReportedInOnePass() {
    JavaFileObject orders =
        source(
            "com.example.Orders",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "public interface Orders {",
            "  @PermissionRequired({\"a\", \"a\", \" b\"}) String one();",
            "  @PermissionRequired String two();",
            "  String three();",
            "}");
    Compilation c = compile(orders);
    assertThat(c).hadErrorCount(4);
    assertThat(c).hadErrorContaining("listed twice").inFile(orders).onLineContaining("one()");
    assertThat(c).hadErrorContaining("whitespace").inFile(orders).onLineContaining("one()");
    assertThat(c).hadErrorContaining("no permission").inFile(orders).onLineContaining("two()");
    assertThat(c).hadErrorContaining("no access rule").inFile(orders).onLineContaining("three()");
  }
}
