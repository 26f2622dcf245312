package dev.apojwt.processor;

import static com.google.common.truth.Truth.assertThat;
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
 * Compile error 6: apojwt annotations where they would protect nothing (classes, enums, records,
 * annotation types, static and private methods, Object's methods), and handler interfaces no guard
 * can implement (private, nested in a private type, sealed, local).
 */
class PlacementDiagnosticsTest {
  @Test
  void ruleOnAClass() {
    JavaFileObject impl =
        source(
            "com.example.OrdersImpl",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@TokenRequired",
            "public class OrdersImpl {",
            "  public String list() { return \"\"; }",
            "}");
    assertError(
        compile(impl),
        1,
        "@TokenRequired is not allowed on class OrdersImpl: apojwt guards only interfaces, so"
            + " it would protect nothing here; put it on the handler interface and create the"
            + " guard with new Guarded<Interface>(implementation, jwt)",
        impl,
        "@TokenRequired");
  }

  @Test
  void ruleOnAMethodOfAClass() {
    JavaFileObject impl =
        source(
            "com.example.OrdersImpl",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "public class OrdersImpl {",
            "  @PermissionRequired(\"orders:read\")",
            "  public String list() { return \"\"; }",
            "}");
    assertError(
        compile(impl),
        1,
        "@PermissionRequired is not allowed on a member of class OrdersImpl: apojwt guards only"
            + " interfaces",
        impl,
        "@PermissionRequired");
  }

  @Test
  void injectionOnAParameterOfAClassMethod() {
    JavaFileObject impl =
        source(
            "com.example.OrdersImpl",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "public class OrdersImpl {",
            "  public String mine(@TokenSubject String user) { return user; }",
            "}");
    assertError(
        compile(impl),
        1,
        "@TokenSubject is not allowed on a member of class OrdersImpl",
        impl,
        "@TokenSubject");
  }

  @Test
  void ruleOnAnEnum() {
    JavaFileObject e =
        source(
            "com.example.Kind",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@Public",
            "public enum Kind { A }");
    assertError(compile(e), 1, "@Public is not allowed on enum Kind", e, "@Public");
  }

  @Test
  void injectionOnARecordComponent() {
    JavaFileObject r =
        source(
            "com.example.Req",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "public record Req(@BearerToken String authorization) {}");
    assertError(
        compile(r), 1, "@BearerToken is not allowed on a member of record Req", r, "record Req");
  }

  @Test
  void ruleOnAnAnnotationType() {
    JavaFileObject a =
        source(
            "com.example.Secured",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@TokenRequired",
            "public @interface Secured {}");
    assertError(
        compile(a), 1, "@TokenRequired is not allowed on annotation type Secured", a, "@Token");
  }

  @Test
  void privateInterface() {
    JavaFileObject outer =
        source(
            "com.example.Outer",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "public class Outer {",
            "  @TokenRequired",
            "  private interface Orders { String list(); }",
            "}");
    Compilation c = compile(outer);
    assertError(
        c,
        1,
        "handler interface Outer.Orders is private, so no guard can implement it: make it"
            + " package-private or public",
        outer,
        "@TokenRequired");
    assertGenerated(List.of(), outer);
  }

  @Test
  void interfaceNestedInAPrivateType() {
    JavaFileObject outer =
        source(
            "com.example.Outer",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "public class Outer {",
            "  private static class Hidden {",
            "    interface Orders { @Public String list(); }",
            "  }",
            "}");
    assertError(
        compile(outer),
        1,
        "handler interface Outer.Hidden.Orders is nested in private type Outer.Hidden, so no"
            + " guard can implement it: make Outer.Hidden package-private or public",
        outer,
        "interface Orders");
  }

  @Test
  void sealedInterfaceThatDoesNotPermitItsGuard() {
    JavaFileObject orders =
        source(
            "com.example.Orders",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@TokenRequired",
            "public sealed interface Orders permits OrdersImpl { String list(); }",
            "final class OrdersImpl implements Orders { public String list() { return \"\"; } }");
    assertError(
        compile(orders),
        1,
        "handler interface Orders is sealed, so no guard can implement it: add GuardedOrders to"
            + " its permits clause, or do not seal it",
        orders,
        "@TokenRequired");
  }

  @Test
  void sealedInterfaceThatPermitsItsGuard() {
    JavaFileObject orders =
        source(
            "com.example.Orders",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@TokenRequired",
            "public sealed interface Orders permits OrdersImpl, GuardedOrders {",
            "  String list();",
            "}",
            "final class OrdersImpl implements Orders { public String list() { return \"\"; } }");
    assertThat(compile(orders)).succeededWithoutWarnings();
  }

  @Test
  void localInterfacesAreInvisibleToProcessors() {
    // JSR 269 shows processors no local types, so no guard can exist for one (and code that
    // names Guarded<Local> does not compile): nothing runs unguarded.
    JavaFileObject outer =
        source(
            "com.example.Outer",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "public class Outer {",
            "  void run() {",
            "    @TokenRequired interface Orders { String list(); }",
            "  }",
            "}");
    Compilation c = compile(outer);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c.generatedSourceFiles()).isEmpty();
  }

  @Test
  void ruleOnAStaticInterfaceMethod() {
    JavaFileObject orders =
        source(
            "com.example.Orders",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@TokenRequired",
            "public interface Orders {",
            "  String list();",
            "  @Public static String version() { return \"1\"; }",
            "}");
    assertError(
        compile(orders),
        1,
        "@Public on static method Orders.version() has no effect: static methods are not"
            + " guarded; remove it, or make the method abstract or default",
        orders,
        "version()");
  }

  @Test
  void injectionOnAStaticInterfaceMethod() {
    JavaFileObject orders =
        source(
            "com.example.Orders",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "public interface Orders {",
            "  static String who(@TokenSubject String user) { return user; }",
            "}");
    assertError(
        compile(orders),
        1,
        "@TokenSubject on static method Orders.who(String) has no effect",
        orders,
        "who(");
  }

  @Test
  void ruleOnAPrivateInterfaceMethod() {
    JavaFileObject orders =
        source(
            "com.example.Orders",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@TokenRequired",
            "public interface Orders {",
            "  default String list() { return helper(); }",
            "  @Public private String helper() { return \"\"; }",
            "}");
    assertError(
        compile(orders),
        1,
        "@Public on private method Orders.helper() has no effect: private methods are not"
            + " guarded; remove it",
        orders,
        "helper() {");
  }

  @Test
  void ruleOnToString() {
    JavaFileObject orders =
        source(
            "com.example.Orders",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@TokenRequired",
            "public interface Orders {",
            "  String list();",
            "  @Public String toString();",
            "}");
    assertError(
        compile(orders),
        1,
        "@Public on Orders.toString() has no effect: equals, hashCode and toString are not"
            + " guarded; remove it",
        orders,
        "toString()");
  }
}
