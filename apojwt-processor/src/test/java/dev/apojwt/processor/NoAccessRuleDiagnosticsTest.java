package dev.apojwt.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.apojwt.processor.DiagnosticAssertions.assertError;
import static dev.apojwt.processor.DiagnosticAssertions.assertGenerated;
import static dev.apojwt.processor.TestCompiler.compile;
import static dev.apojwt.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Compile error 1: a method of a handler interface without an access rule, its own or a default;
 * override-equivalent methods inherited with different rules or injections. And error 8: an
 * interface that injects parameters but has no rule at all.
 */
class NoAccessRuleDiagnosticsTest {
  @Test
  void ownMethodWithoutRuleOrDefault() {
    JavaFileObject orders =
        source(
            "com.example.Orders",
            "package com.example;",
            "import dev.apojwt.annotation.Public;",
            "public interface Orders {",
            "  @Public String health();",
            "  String list();",
            "}");
    Compilation c = compile(orders);
    assertError(
        c,
        1,
        "Orders.list() has no access rule: annotate it with @TokenRequired, @PermissionRequired,"
            + " @Refresh or @Public, or put a default on the interface",
        orders,
        "String list();");
    assertGenerated(List.of(), orders);
  }

  @Test
  void defaultMethodWithoutRule() {
    JavaFileObject orders =
        source(
            "com.example.Orders",
            "package com.example;",
            "import dev.apojwt.annotation.Public;",
            "public interface Orders {",
            "  @Public String health();",
            "  default String list() { return \"\"; }",
            "}");
    assertError(
        compile(orders), 1, "Orders.list() has no access rule", orders, "default String list()");
  }

  @Test
  void inheritedMethodWithoutRuleIsReportedOnTheHandler() {
    JavaFileObject base =
        source(
            "com.example.Base",
            "package com.example;",
            "public interface Base {",
            "  String list();",
            "}");
    JavaFileObject orders =
        source(
            "com.example.Orders",
            "package com.example;",
            "import dev.apojwt.annotation.Public;",
            "public interface Orders extends Base {",
            "  @Public String health();",
            "}");
    assertError(
        compile(base, orders),
        1,
        "inherited method Base.list() has no access rule: annotate it in Base with",
        orders,
        "public interface Orders extends Base");
  }

  @Test
  void superinterfacesGivingDifferentRules() {
    JavaFileObject reader =
        source(
            "com.example.Reader",
            "package com.example;",
            "import dev.apojwt.annotation.Public;",
            "public interface Reader {",
            "  @Public String get();",
            "}");
    JavaFileObject admin =
        source(
            "com.example.Admin",
            "package com.example;",
            "import dev.apojwt.annotation.PermissionRequired;",
            "public interface Admin {",
            "  @PermissionRequired(\"orders:admin\") String get();",
            "}");
    JavaFileObject both =
        source(
            "com.example.Both",
            "package com.example;",
            "import dev.apojwt.annotation.TokenRequired;",
            "@TokenRequired",
            "public interface Both extends Reader, Admin {",
            "}");
    Compilation c = compile(reader, admin, both);
    assertError(
        c,
        1,
        "get() inherits different access rules (@Public from Reader,"
            + " @PermissionRequired(\"orders:admin\") from Admin): redeclare it in Both with the"
            + " rule it should have",
        both,
        "public interface Both");
    // Each superinterface alone is fine; the combination is not generated.
    assertGenerated(
        List.of("com.example.GuardedReader", "com.example.GuardedAdmin"), reader, admin, both);
  }

  @Test
  void superinterfacesGivingDifferentParameterInjections() {
    JavaFileObject a =
        source(
            "com.example.A",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@TokenRequired",
            "public interface A {",
            "  String who(@TokenSubject String user);",
            "}");
    JavaFileObject b =
        source(
            "com.example.B",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@TokenRequired",
            "public interface B {",
            "  String who(String user);",
            "}");
    JavaFileObject ab =
        source(
            "com.example.AB",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@TokenRequired",
            "public interface AB extends A, B {}");
    assertError(
        compile(a, b, ab),
        1,
        "A.who(String) inherits different parameter annotations from A and B: redeclare it in"
            + " AB with the parameters it should have",
        ab,
        "public interface AB");
  }

  @Test
  void anInterfaceThatInjectsButDeclaresNoRule() {
    JavaFileObject orders =
        source(
            "com.example.Orders",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "public interface Orders {",
            "  String mine(Object ctx, @TokenSubject String user);",
            "  String get(@BearerToken String authorization, String id);",
            "}");
    Compilation c = compile(orders);
    assertError(
        c,
        1,
        "Orders uses @TokenSubject but declares no access rule, so no GuardedOrders is generated"
            + " and nothing fills in its parameters: annotate Orders or its methods with"
            + " @TokenRequired, @PermissionRequired, @Refresh or @Public",
        orders,
        "public interface Orders");
    assertGenerated(List.of(), orders);
  }

  @Test
  void aBaseInterfaceThatInjectsIsGuardedByTheHandlersThatExtendIt() {
    JavaFileObject base =
        source(
            "com.example.Base",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "public interface Base { String mine(@TokenSubject String user); }");
    JavaFileObject orders =
        source(
            "com.example.Orders",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@TokenRequired",
            "public interface Orders extends Base { String list(); }");
    assertThat(compile(base, orders)).succeededWithoutWarnings();
    assertGenerated(List.of("com.example.GuardedOrders"), base, orders);
  }
}
