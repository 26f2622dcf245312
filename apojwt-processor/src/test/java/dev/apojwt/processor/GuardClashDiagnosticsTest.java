package dev.apojwt.processor;

import static dev.apojwt.processor.DiagnosticAssertions.assertError;
import static dev.apojwt.processor.TestCompiler.compile;
import static dev.apojwt.processor.TestCompiler.source;

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
}
