package dev.apojwt.processor;

import static dev.apojwt.processor.DiagnosticAssertions.assertError;
import static dev.apojwt.processor.TestCompiler.compile;
import static dev.apojwt.processor.TestCompiler.source;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Compile error 2: two access rules on one method, or two defaults on one interface. */
class TwoRulesDiagnosticsTest {
  @Test
  void onAMethod() {
    JavaFileObject orders =
        source(
            "com.example.Orders",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "public interface Orders {",
            "  @Public",
            "  @TokenRequired",
            "  String list();",
            "}");
    assertError(
        compile(orders),
        1,
        "Orders.list() has two access rules (@Public and @TokenRequired): keep exactly one",
        orders,
        "@TokenRequired");
  }

  @Test
  void onAnInterface() {
    JavaFileObject orders =
        source(
            "com.example.Orders",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@TokenRequired",
            "@Refresh",
            "public interface Orders {",
            "  String list();",
            "  String other();",
            "}");
    // Reported once, although two methods would use the default.
    assertError(
        compile(orders),
        1,
        "Orders has two default access rules (@TokenRequired and @Refresh): keep one",
        orders,
        "@Refresh");
  }
}
