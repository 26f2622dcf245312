package dev.apojwt.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.apojwt.processor.DiagnosticAssertions.assertError;
import static dev.apojwt.processor.DiagnosticAssertions.assertNote;
import static dev.apojwt.processor.TestCompiler.compile;
import static dev.apojwt.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Names the generated guard would clash on: a handler method {@code accessTable()} (an error), and
 * overloads without injected parameters that would clash with another method (left out, with a
 * note).
 */
class GuardClashDiagnosticsTest {
  @Test
  void handlerMethodNamedAccessTable() {
    JavaFileObject orders =
        source(
            "com.example.Orders",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@TokenRequired",
            "public interface Orders {",
            "  String accessTable();",
            "  String accessTable(String overloadIsFine);",
            "}");
    assertError(
        compile(orders),
        1,
        "handler method accessTable() would clash with the static accessTable() of the"
            + " generated GuardedOrders: rename the method",
        orders,
        "String accessTable();");
  }

  @Test
  void anOverloadThatWouldClashWithAnInterfaceMethodIsLeftOutWithANote() {
    JavaFileObject orders =
        source(
            "com.example.Orders",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@TokenRequired",
            "public interface Orders {",
            "  String label(Object ctx);",
            "  String label(Object ctx, @TokenSubject String user);",
            "}");
    Compilation c = compile(orders);
    assertThat(c).succeededWithoutWarnings();
    assertNote(
        c,
        1,
        "GuardedOrders has no label(Object) for Orders.label(Object, String): it would clash with"
            + " Orders.label(Object); pass null for the parameters the guard fills in, or rename"
            + " one of the methods",
        orders,
        "@TokenSubject String user");
    assertThat(TestCompiler.generatedSource(c, "com.example.GuardedOrders"))
        .doesNotContain("label(ctx, null)");
  }

  @Test
  void overloadsThatWouldClashWithEachOtherAreBothLeftOut() {
    JavaFileObject orders =
        source(
            "com.example.Orders",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "import java.util.Map;",
            "@TokenRequired",
            "public interface Orders {",
            "  String pair(Object ctx, @TokenSubject String user);",
            "  String pair(Object ctx, @TokenData Map<String, Object> data);",
            "}");
    Compilation c = compile(orders);
    assertThat(c).succeededWithoutWarnings();
    assertNote(
        c,
        1,
        "GuardedOrders has no pair(Object) for Orders.pair(Object, String): it would clash with"
            + " the overload for Orders.pair(Object, Map<String, Object>)",
        orders,
        "@TokenSubject String user");
    assertNote(
        c,
        1,
        "GuardedOrders has no pair(Object) for Orders.pair(Object, Map<String, Object>): it would"
            + " clash with the overload for Orders.pair(Object, String)",
        orders,
        "@TokenData");
  }

  @Test
  void anOverloadThatWouldClashWithAnObjectMethodIsLeftOut() {
    JavaFileObject orders =
        source(
            "com.example.Orders",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@TokenRequired",
            "public interface Orders {",
            "  String toString(@TokenSubject String user);",
            "}");
    Compilation c = compile(orders);
    assertThat(c).succeededWithoutWarnings();
    assertNote(
        c,
        1,
        "GuardedOrders has no toString() for Orders.toString(String): it would clash with"
            + " Object.toString()",
        orders,
        "String toString(");
  }
}
