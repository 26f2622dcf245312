package dev.apojwt.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.apojwt.processor.TestCompiler.source;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import dev.apojwt.AccessRule;
import dev.apojwt.ApoJwtException;
import dev.apojwt.AuthFailure;
import java.util.Map;
import java.util.Set;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An incremental build recompiles only a changed catalog: the guards compiled before must enforce
 * the new hierarchy, because they read it from the catalog's generated class when they are loaded
 * and never inline it.
 */
class StaleHierarchyTest {

  static JavaFileObject perms(String writeImplies, String supportImplies) {
    return source(
        "com.example.Perms",
        "package com.example;",
        "import dev.apojwt.annotation.*;",
        "@PermissionCatalog",
        "public interface Perms {",
        "  String READ = \"orders:read\";",
        "  " + writeImplies + " String WRITE = \"orders:write\";",
        "  " + supportImplies + " String SUPPORT = \"orders:support\";",
        "}");
  }

  static final JavaFileObject ORDERS =
      source(
          "com.example.Orders",
          "package com.example;",
          "import dev.apojwt.annotation.*;",
          "import dev.apojwt.processor.Request;",
          "public interface Orders {",
          "  @PermissionRequired(Perms.READ) String get(Request request);",
          "}");

  /** Catalog and handler, as first built: write implies read. */
  static Map<String, byte[]> firstBuild;

  /** Only the catalog, rebuilt: write implies nothing, support implies read. */
  static Map<String, byte[]> catalogRebuild;

  @BeforeAll
  static void build() {
    Compilation first = TestCompiler.compile(perms("@Implies(READ)", ""), ORDERS);
    assertThat(first).succeededWithoutWarnings();
    firstBuild = TestCompiler.classes(first);

    Compilation second = TestCompiler.compile(perms("", "@Implies(READ)"));
    assertThat(second).succeededWithoutWarnings();
    catalogRebuild = TestCompiler.classes(second);
    assertThat(catalogRebuild.keySet())
        .containsExactly("com.example.Perms", "com.example.PermsHierarchy");
  }

  @Test
  void theOldGuardEnforcesTheNewHierarchy() throws Throwable {
    // The new catalog classes first, then everything else from the first build.
    ClassLoader loader = new TestCompiler.MemoryClassLoader(catalogRebuild, firstBuild);
    assertThat(GuardHandle.guardClass(loader, "com.example.Orders").getClassLoader())
        .isSameInstanceAs(loader);

    AccessRule get =
        GuardHandle.accessTable(loader, "com.example.Orders")
            .rule("get(dev.apojwt.processor.Request)")
            .orElseThrow();
    assertThat(get.accepted())
        .containsExactly("orders:read", Set.of("orders:read", "orders:support"));

    GuardHandle orders =
        new GuardHandle(loader, "com.example.Orders", Recorder.create(), Tokens.jwt());
    // Newly implying: passes.
    orders.call("get", Request.bearer(Tokens.access("u", "orders:support")));
    assertThat(orders.recorder.calls).hasSize(1);
    // No longer implying: refused.
    ApoJwtException e =
        assertThrows(
            ApoJwtException.class,
            () -> orders.call("get", Request.bearer(Tokens.access("u", "orders:write"))));
    assertThat(e.reason()).isEqualTo(AuthFailure.Reason.FORBIDDEN);
    assertThat(orders.recorder.calls).hasSize(1);
  }

  @Test
  void theFirstBuildAloneEnforcesTheOldHierarchy() throws Throwable {
    // The control: the difference above comes from the rebuilt hierarchy class alone.
    ClassLoader loader = new TestCompiler.MemoryClassLoader(firstBuild);
    AccessRule get =
        GuardHandle.accessTable(loader, "com.example.Orders")
            .rule("get(dev.apojwt.processor.Request)")
            .orElseThrow();
    assertThat(get.accepted())
        .containsExactly("orders:read", Set.of("orders:read", "orders:write"));

    GuardHandle orders =
        new GuardHandle(loader, "com.example.Orders", Recorder.create(), Tokens.jwt());
    orders.call("get", Request.bearer(Tokens.access("u", "orders:write")));
    assertThrows(
        ApoJwtException.class,
        () -> orders.call("get", Request.bearer(Tokens.access("u", "orders:support"))));
    assertThat(orders.recorder.calls).hasSize(1);
  }
}
