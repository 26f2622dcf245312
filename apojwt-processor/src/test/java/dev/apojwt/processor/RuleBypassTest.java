package dev.apojwt.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.apojwt.processor.TestCompiler.source;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import dev.apojwt.AccessRule;
import dev.apojwt.ApoJwtException;
import dev.apojwt.AuthFailure;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * No way around a method's rule through inheritance: a redeclaration without a rule cannot weaken
 * the rule it inherits, and a default method's body cannot call a stricter sibling on {@code this}
 * (the guard checks only the default method's rule before the body runs). Both were found by the
 * independent security and contract review (branch {@code review}), where a generated guard let a
 * caller reach an implementation method that its access rule protects.
 *
 * <p>Each is now a compile error. Where the reviewed expectation (a guard that refuses the call)
 * could no longer compile, the test asserts the error instead, and a compiling variant of the same
 * interface shows its guard enforcing the rule. The tests of the errors failed on the reviewed
 * code; the compiling variants passed there too, and make sure the fix rejects no more than it
 * must.
 */
class RuleBypassTest {

  /** A library-style base interface: its method-level rule requires "admin:only". */
  static final JavaFileObject BASE =
      source(
          "com.example.review.Base",
          "package com.example.review;",
          "import dev.apojwt.annotation.*;",
          "import dev.apojwt.processor.Request;",
          "public interface Base {",
          "  @PermissionRequired(\"admin:only\") String secret(Request request);",
          "}");

  /**
   * A sub-interface with an interface-level default that redeclares secret() only to document it
   * (or to narrow its return type): no access annotation of its own on the method.
   */
  static final JavaFileObject SUB =
      source(
          "com.example.review.Sub",
          "package com.example.review;",
          "import dev.apojwt.annotation.*;",
          "import dev.apojwt.processor.Request;",
          "@TokenRequired",
          "public interface Sub extends Base {",
          "  /** The secret, for administrators. */",
          "  @Override String secret(Request request);",
          "  String other(Request request);",
          "}");

  /**
   * A handler whose admin-only delete() has a convenience default method that takes the interface
   * default (any valid token) and calls delete() on {@code this}.
   */
  static final JavaFileObject SHOP =
      source(
          "com.example.review.Shop",
          "package com.example.review;",
          "import dev.apojwt.annotation.*;",
          "import dev.apojwt.processor.Request;",
          "import java.util.List;",
          "@TokenRequired",
          "public interface Shop {",
          "  @PermissionRequired(\"orders:admin\") void delete(Request request, String id);",
          "  default void deleteAll(Request request, List<String> ids) {",
          "    for (String id : ids) {",
          "      delete(request, id);",
          "    }",
          "  }",
          "}");

  /** Sub, with the redeclaration repeating Base's rule. */
  static final JavaFileObject SUB_REPEATING_THE_RULE =
      source(
          "com.example.review.Sub",
          "package com.example.review;",
          "import dev.apojwt.annotation.*;",
          "import dev.apojwt.processor.Request;",
          "@TokenRequired",
          "public interface Sub extends Base {",
          "  /** The secret, for administrators. */",
          "  @PermissionRequired(\"admin:only\")",
          "  @Override String secret(Request request);",
          "  String other(Request request);",
          "}");

  /** Sub, whose interface default is Base's rule for secret(). */
  static final JavaFileObject SUB_WITH_THE_SAME_DEFAULT =
      source(
          "com.example.review.Sub",
          "package com.example.review;",
          "import dev.apojwt.annotation.*;",
          "import dev.apojwt.processor.Request;",
          "@PermissionRequired(\"admin:only\")",
          "public interface Sub extends Base {",
          "  /** The secret, for administrators. */",
          "  @Override String secret(Request request);",
          "  @TokenRequired String other(Request request);",
          "}");

  private static TestCompiler.MemoryClassLoader load(JavaFileObject... sources) {
    Compilation compilation = TestCompiler.compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    return new TestCompiler.MemoryClassLoader(TestCompiler.classes(compilation));
  }

  private static GuardHandle guard(ClassLoader loader, String simpleName, Recorder recorder)
      throws Throwable {
    return new GuardHandle(loader, "com.example.review." + simpleName, recorder, Tokens.jwt());
  }

  // ------------------------------------------------------------------ redeclarations

  /**
   * Fixed: redeclaring an inherited method without an annotation used to replace its method-level
   * rule ({@code @PermissionRequired("admin:only")} in Base) silently with the sub-interface's
   * default ({@code @TokenRequired}), so GuardedSub.secret() let any valid token through. Now the
   * redeclaration is a compile error that names both rules, and Sub gets no guard.
   */
  @Test
  void aRedeclarationWithoutARuleCannotSwapTheInheritedRuleForADefault() {
    Compilation compilation = TestCompiler.compile(BASE, SUB);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "Sub.secret(Request) redeclares Base.secret(Request) without an access rule, so it"
                + " would get @TokenRequired instead of @PermissionRequired(\"admin:only\"):"
                + " annotate the redeclaration with the rule it should have")
        .inFile(SUB)
        .onLineContaining("@Override String secret(Request request);");
    assertThat(TestCompiler.generatedSourceNames(BASE, SUB))
        .containsExactly("com.example.review.GuardedBase");
  }

  /** A redeclaration that repeats the rule compiles; its guard and access table keep the rule. */
  @Test
  void aRedeclarationRepeatingTheRuleIsEnforcedAndListedInTheAccessTable() throws Throwable {
    ClassLoader loader = load(BASE, SUB_REPEATING_THE_RULE);
    assertSecretNeedsAdminOnly(loader);
  }

  /** A redeclaration without an annotation compiles when the default it takes is the same rule. */
  @Test
  void aRedeclarationWhoseDefaultIsTheInheritedRuleIsEnforced() throws Throwable {
    ClassLoader loader = load(BASE, SUB_WITH_THE_SAME_DEFAULT);
    assertSecretNeedsAdminOnly(loader);
  }

  private static void assertSecretNeedsAdminOnly(ClassLoader loader) throws Throwable {
    Recorder recorder = Recorder.create();
    GuardHandle sub = guard(loader, "Sub", recorder);
    ApoJwtException e =
        assertThrows(
            ApoJwtException.class,
            () -> sub.call("secret", Request.bearer(Tokens.access("eve"))),
            "a token without admin:only reached Sub.secret(), which Base requires admin:only for");
    assertThat(e.reason()).isEqualTo(AuthFailure.Reason.FORBIDDEN);
    assertThat(recorder.calls).isEmpty();

    assertThat(sub.call("secret", Request.bearer(Tokens.access("root", "admin:only"))))
        .isEqualTo("secret");
    assertThat(recorder.onlyCall("secret")).hasSize(1);

    AccessRule secret =
        GuardHandle.accessTable(loader, "com.example.review.Sub")
            .rule("secret(dev.apojwt.processor.Request)")
            .orElseThrow();
    assertThat(secret.kind()).isEqualTo(AccessRule.Kind.ALL_OF);
    assertThat(secret.permissions()).containsExactly("admin:only");
  }

  // ------------------------------------------------------------------ default bodies

  /** Shop, with deleteAll as strict as the delete it calls. */
  static final JavaFileObject SHOP_AS_STRICT =
      source(
          "com.example.review.Shop",
          "package com.example.review;",
          "import dev.apojwt.annotation.*;",
          "import dev.apojwt.processor.Request;",
          "import java.util.List;",
          "@TokenRequired",
          "public interface Shop {",
          "  @PermissionRequired(\"orders:admin\") void delete(Request request, String id);",
          "  @PermissionRequired(\"orders:admin\")",
          "  default void deleteAll(Request request, List<String> ids) {",
          "    for (String id : ids) {",
          "      delete(request, id);",
          "    }",
          "  }",
          "}");

  /**
   * Fixed: a default method is "checked, then your implementation's version runs" with {@code this}
   * = the implementation, so its calls to sibling methods skip their checks. deleteAll() took the
   * interface default (any valid token) and its body called the admin-only delete(): a customer
   * token deleted orders. Now that call is a compile error at the call, and Shop gets no guard.
   */
  @Test
  void aDefaultBodyCannotCallAStricterSiblingThatWouldRunUnchecked() {
    Compilation compilation = TestCompiler.compile(SHOP);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "deleteAll(Request, List<String>) is a default method with @TokenRequired, but it"
                + " calls delete(Request, String), which requires"
                + " @PermissionRequired(\"orders:admin\"); the guard checks only deleteAll's rule"
                + " before your implementation runs this body, so delete would run unchecked: give"
                + " deleteAll a rule at least as strict, or do not call delete from the default"
                + " method")
        .inFile(SHOP)
        .onLineContaining("delete(request, id);");
    assertThat(TestCompiler.generatedSourceNames(SHOP)).isEmpty();
  }

  /**
   * A default method as strict as what it calls compiles; its guard refuses a customer before the
   * body runs, and lets an administrator through to both.
   */
  @Test
  void aDefaultMethodAsStrictAsItsCalleeRefusesBeforeItsBodyRuns() throws Throwable {
    ClassLoader loader = load(SHOP_AS_STRICT);
    Recorder recorder = Recorder.create();
    GuardHandle shop = guard(loader, "Shop", recorder);
    ApoJwtException e =
        assertThrows(
            ApoJwtException.class,
            () ->
                shop.call(
                    "deleteAll", Request.bearer(Tokens.access("eve")), List.of("o-1", "o-2")));
    assertThat(e.reason()).isEqualTo(AuthFailure.Reason.FORBIDDEN);
    assertThat(recorder.calls).isEmpty();

    shop.call(
        "deleteAll", Request.bearer(Tokens.access("root", "orders:admin")), List.of("o-1", "o-2"));
    List<String> reached =
        recorder.calls.stream().map(Recorder.Call::method).collect(Collectors.toList());
    assertThat(reached).containsExactly("deleteAll", "delete", "delete").inOrder();
  }
}
