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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reproducers from the independent security and contract review (branch {@code review}): ways a
 * generated guard lets a caller reach an implementation method that its access rule protects.
 *
 * <p>Every test here FAILS on the reviewed code on purpose: each shows a bug, and passes once the
 * bug is fixed. Do not loosen a test to make it pass; fix the processor.
 */
class ReviewFindingsTest {

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
   * A handler whose admin-only delete() has a convenience default method that takes the
   * interface default (any valid token) and calls delete() on {@code this}.
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

  static TestCompiler.MemoryClassLoader loader;

  @BeforeAll
  static void compile() {
    Compilation compilation = TestCompiler.compile(BASE, SUB, SHOP);
    assertThat(compilation).succeeded();
    loader = new TestCompiler.MemoryClassLoader(TestCompiler.classes(compilation));
  }

  private static GuardHandle guard(String simpleName, Recorder recorder) throws Throwable {
    return new GuardHandle(loader, "com.example.review." + simpleName, recorder, Tokens.jwt());
  }

  /**
   * BUG (fails): redeclaring an inherited method without an annotation silently replaces its
   * method-level rule ({@code @PermissionRequired("admin:only")} in Base) with the sub-interface's
   * default ({@code @TokenRequired}). GuardedSub.secret() lets any valid token through to the
   * implementation, with no compile error or warning. Expected: the overridden method's rule is
   * kept (as Spring's annotation lookup on overridden methods would), or the processor reports the
   * weaker rule as an error.
   */
  @Test
  void redeclaringAnInheritedMethodDoesNotDropItsPermissionRule() throws Throwable {
    Recorder recorder = Recorder.create();
    GuardHandle sub = guard("Sub", recorder);
    ApoJwtException e =
        assertThrows(
            ApoJwtException.class,
            () -> sub.call("secret", Request.bearer(Tokens.access("eve"))),
            "a token without admin:only reached Sub.secret(), which Base requires admin:only for");
    assertThat(e.reason()).isEqualTo(AuthFailure.Reason.FORBIDDEN);
    assertThat(recorder.calls).isEmpty();
  }

  /** BUG (fails): the access table, too, says Sub.secret() needs only a token. */
  @Test
  void theAccessTableOfTheRedeclaringInterfaceKeepsTheRule() throws Throwable {
    AccessRule secret =
        GuardHandle.accessTable(loader, "com.example.review.Sub")
            .rule("secret(dev.apojwt.processor.Request)")
            .orElseThrow();
    assertThat(secret.kind()).isEqualTo(AccessRule.Kind.ALL_OF);
    assertThat(secret.permissions()).containsExactly("admin:only");
  }

  /**
   * BUG (fails): a default method is "checked, then your implementation's version runs" with
   * {@code this} = the delegate, so its calls to sibling methods skip their checks. Here
   * deleteAll() takes the interface default (any valid token) and its body calls the admin-only
   * delete(): a customer token deletes orders. The processor neither dispatches the default body
   * through the guard nor warns that a default method's rule is weaker than what it calls.
   */
  @Test
  void aDefaultMethodCannotReachAStricterSiblingWithoutItsCheck() throws Throwable {
    Recorder recorder = Recorder.create();
    GuardHandle shop = guard("Shop", recorder);
    try {
      shop.call("deleteAll", Request.bearer(Tokens.access("eve")), List.of("o-1", "o-2"));
    } catch (ApoJwtException refused) {
      // refusing the whole call is a fine outcome
    }
    List<String> reached =
        recorder.calls.stream().map(Recorder.Call::method).collect(Collectors.toList());
    assertThat(reached).doesNotContain("delete");
  }
}
