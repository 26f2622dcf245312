package dev.apojwt.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.apojwt.processor.DiagnosticAssertions.PERMS;
import static dev.apojwt.processor.DiagnosticAssertions.assertError;
import static dev.apojwt.processor.DiagnosticAssertions.assertGenerated;
import static dev.apojwt.processor.TestCompiler.compile;
import static dev.apojwt.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A default method's body runs in the implementation after only the default method's check: a call
 * in it, on {@code this}, to a sibling that requires more is an error at the call.
 */
class DefaultBodyDiagnosticsTest {
  static final String DELETE_ALL =
      "deleteAll(List<String>) is a default method with @TokenRequired, but it calls"
          + " delete(String), which requires @PermissionRequired(\"orders:admin\"); the guard"
          + " checks only deleteAll's rule before your implementation runs this body, so delete"
          + " would run unchecked: give deleteAll a rule at least as strict, or do not call"
          + " delete from the default method";

  /** A handler whose default deleteAll (any token) has {@code body}. */
  JavaFileObject shop(String... body) {
    List<String> lines =
        new ArrayList<>(
            List.of(
                "package com.example;",
                "import dev.apojwt.annotation.*;",
                "import java.util.List;",
                "@TokenRequired",
                "public interface Shop {",
                "  @PermissionRequired(\"orders:admin\") void delete(String id);",
                "  String list();",
                "  default void deleteAll(List<String> ids) {"));
    for (String line : body) {
      lines.add("    " + line);
    }
    lines.add("  }");
    lines.add("}");
    return source("com.example.Shop", lines.toArray(new String[0]));
  }

  @Test
  void aCallOnTheImplicitThis() {
    JavaFileObject shop = shop("list();", "for (String id : ids) {", "  delete(id);", "}");
    assertError(compile(shop), 1, DELETE_ALL, shop, "  delete(id);");
    assertGenerated(List.of(), shop);
  }

  @Test
  void aCallOnAnExplicitThis() {
    JavaFileObject shop = shop("this.list();", "this.delete(ids.get(0));");
    assertError(compile(shop), 1, DELETE_ALL, shop, "this.delete(ids.get(0));");
  }

  @Test
  void aCallOnAQualifiedThisFromAnAnonymousClass() {
    JavaFileObject shop =
        shop(
            "Runnable r = new Runnable() {",
            "  @Override public void run() {",
            "    Shop.this.delete(ids.get(0));",
            "  }",
            "};",
            "r.run();");
    assertError(compile(shop), 1, DELETE_ALL, shop, "Shop.this.delete(");
  }

  @Test
  void anImplicitCallFromAnAnonymousClassIsOnTheInterfacesThis() {
    JavaFileObject shop =
        shop(
            "new Thread() {",
            "  @Override public void run() {",
            "    delete(ids.get(0));",
            "  }",
            "}.start();");
    assertError(compile(shop), 1, DELETE_ALL, shop, "delete(ids.get(0));");
  }

  @Test
  void aMethodReference() {
    JavaFileObject shop = shop("ids.forEach(this::delete);");
    assertError(compile(shop), 1, DELETE_ALL, shop, "ids.forEach(this::delete);");
  }

  @Test
  void aCallInALambda() {
    JavaFileObject shop = shop("ids.forEach(", "    id -> delete(id));");
    assertError(compile(shop), 1, DELETE_ALL, shop, "id -> delete(id));");
  }

  @Test
  void aCallThroughAPrivateMethod() {
    JavaFileObject shop =
        source(
            "com.example.Shop",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "import java.util.List;",
            "@TokenRequired",
            "public interface Shop {",
            "  @PermissionRequired(\"orders:admin\") void delete(String id);",
            "  default void deleteAll(List<String> ids) {",
            "    ids.forEach(this::deleteEach);",
            "  }",
            "  private void deleteEach(String id) {",
            "    remove(id);",
            "  }",
            "  private void remove(String id) {",
            "    delete(id);",
            "  }",
            "}");
    assertError(
        compile(shop),
        1,
        "deleteAll(List<String>) is a default method with @TokenRequired, but through private"
            + " method deleteEach(String) it calls delete(String), which requires"
            + " @PermissionRequired(\"orders:admin\"); the guard checks only deleteAll's rule"
            + " before your implementation runs this body, so delete would run unchecked: give"
            + " deleteAll a rule at least as strict, or do not call delete from the default"
            + " method",
        shop,
        "ids.forEach(this::deleteEach);");
  }

  @Test
  void aCallOnASuperinterfaceWithSuper() {
    JavaFileObject base =
        source(
            "com.example.Base",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "public interface Base {",
            "  @PermissionRequired(\"orders:admin\")",
            "  default String purge(String id) { return id; }",
            "}");
    // Shop overrides purge with an explicit weaker rule, and calls Base's body directly.
    JavaFileObject shop =
        source(
            "com.example.Shop",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "public interface Shop extends Base {",
            "  @Public @Override default String purge(String id) {",
            "    return Base.super.purge(id);",
            "  }",
            "}");
    assertError(
        compile(base, shop),
        1,
        "purge(String) is a default method with @Public, but it calls purge(String), which"
            + " requires @PermissionRequired(\"orders:admin\")",
        shop,
        "return Base.super.purge(id);");
  }

  @Test
  void aSuperinterfacesDefaultMethodIsCheckedUnderTheHandlersRules() {
    // Base has no rules of its own: its deleteAll takes Shop's default, and the delete it calls
    // is Shop's, which requires orders:admin. Two handlers share the body: one error.
    JavaFileObject base =
        source(
            "com.example.Base",
            "package com.example;",
            "import java.util.List;",
            "public interface Base {",
            "  void delete(String id);",
            "  default void deleteAll(List<String> ids) {",
            "    for (String id : ids) delete(id);",
            "  }",
            "}");
    JavaFileObject shop =
        source(
            "com.example.Shop",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@TokenRequired",
            "public interface Shop extends Base {",
            "  @PermissionRequired(\"orders:admin\") @Override void delete(String id);",
            "}");
    JavaFileObject bigShop =
        source(
            "com.example.BigShop",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@TokenRequired",
            "public interface BigShop extends Shop {",
            "  String size();",
            "}");
    assertError(
        compile(base, shop, bigShop), 1, DELETE_ALL, base, "for (String id : ids) delete(id);");
  }

  @Test
  void aRefreshDefaultMethodCannotCallAnAccessTokenMethod() {
    JavaFileObject sessions =
        source(
            "com.example.Sessions",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "public interface Sessions {",
            "  @TokenRequired String whoAmI();",
            "  @Refresh default String renew() {",
            "    return whoAmI();",
            "  }",
            "}");
    assertError(
        compile(sessions),
        1,
        "renew() is a default method with @Refresh, but it calls whoAmI(), which requires"
            + " @TokenRequired",
        sessions,
        "return whoAmI();");
  }

  @Test
  void callsTheRuleCoversCompile() {
    JavaFileObject shop =
        source(
            "com.example.Shop",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "import java.util.List;",
            "@TokenRequired",
            "public interface Shop {",
            "  @PermissionRequired(\"orders:admin\") void delete(String id);",
            "  @Public String health();",
            "  String list();",
            "  @PermissionRequired(\"orders:admin\") default void deleteAll(List<String> ids) {",
            "    health();",
            "    list();",
            "    ids.forEach(this::delete);",
            "  }",
            "  default String summary() {",
            "    return health() + list();",
            "  }",
            "}");
    assertThat(compile(shop)).succeededWithoutWarnings();
  }

  @Test
  void callsOnOtherObjectsAndOnAnInnerClassesOwnMethodAreNotCalls() {
    // Not on this: another Shop (which is guarded, or not, as its caller chose), and a method
    // of the anonymous class itself that has the same name.
    JavaFileObject shop =
        shop(
            "Shop other = ids.isEmpty() ? null : this;",
            "other.delete(\"x\");",
            "new Object() {",
            "  void delete(String id) {}",
            "  void run() { delete(\"y\"); this.delete(\"z\"); }",
            "}.run();");
    assertThat(compile(shop)).succeededWithoutWarnings();
  }

  @Test
  void aCallAllowedThroughImplies() {
    JavaFileObject shop =
        source(
            "com.example.Shop",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "import java.util.List;",
            "public interface Shop {",
            "  @PermissionRequired(Perms.ORDERS_WRITE) void archive(String id);",
            "  @PermissionRequired(anyOf = {Perms.ORDERS_READ, \"support\"}) String get(String"
                + " id);",
            "  @PermissionRequired(Perms.ORDERS_ADMIN)",
            "  default void archiveAll(List<String> ids) {",
            "    ids.forEach(id -> archive(get(id)));",
            "  }",
            "}");
    JavaFileObject perms =
        source(
            "com.example.Perms",
            "package com.example;",
            "import dev.apojwt.annotation.Implies;",
            "import dev.apojwt.annotation.PermissionCatalog;",
            "@PermissionCatalog",
            "public interface Perms {",
            "  String ORDERS_READ = \"orders:read\";",
            "  String SUPPORT = \"support\";",
            "  @Implies(ORDERS_READ) String ORDERS_WRITE = \"orders:write\";",
            "  @Implies(ORDERS_WRITE) String ORDERS_ADMIN = \"orders:admin\";",
            "}");
    assertThat(compile(perms, shop)).succeededWithoutWarnings();
  }

  @Test
  void aCallTheImpliesGoTheOtherWay() {
    JavaFileObject shop =
        source(
            "com.example.Shop",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "public interface Shop {",
            "  @PermissionRequired(Perms.ORDERS_ADMIN) void purge(String id);",
            "  @PermissionRequired(Perms.ORDERS_WRITE)",
            "  default void purgeOne(String id) {",
            "    purge(id);",
            "  }",
            "}");
    assertError(
        compile(PERMS, shop),
        1,
        "purgeOne(String) is a default method with @PermissionRequired(\"orders:write\"), but"
            + " it calls purge(String), which requires @PermissionRequired(\"orders:admin\")",
        shop,
        "    purge(id);");
  }

  @Test
  void aDefaultMethodFromAClassFileIsNamedInANote(@TempDir Path jar) throws Exception {
    JavaFileObject base =
        source(
            "com.lib.Base",
            "package com.lib;",
            "import java.util.List;",
            "public interface Base {",
            "  void delete(String id);",
            "  default void deleteAll(List<String> ids) {",
            "    ids.forEach(this::delete);",
            "  }",
            "}");
    Compilation library = compile(base);
    assertThat(library).succeededWithoutWarnings(); // no rule: not a handler by itself
    TestCompiler.writeClasses(library, jar);
    JavaFileObject shop =
        source(
            "com.example.Shop",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@TokenRequired",
            "public interface Shop extends com.lib.Base {",
            "  @PermissionRequired(\"orders:admin\") @Override void delete(String id);",
            "}");
    List<File> classPath = new ArrayList<>(TestCompiler.userClassPath());
    classPath.add(jar.toFile());
    Compilation c = TestCompiler.javac().withClasspath(classPath).compile(shop);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c)
        .hadNoteContaining(
            "apojwt cannot check default method Base.deleteAll(List<String>): it comes from a"
                + " class file, so its body is not available. If it calls a method of Shop that"
                + " requires more than @TokenRequired, that method runs without its check; if"
                + " so, give deleteAll a rule at least as strict as what it calls, or override"
                + " it in Shop")
        .inFile(shop)
        .onLineContaining("public interface Shop");
  }

  @Test
  void withoutJavacsTreeApiOneNoteSaysBodiesWereNotChecked() {
    // An environment wrapped as IDEs do (here by OriginRecorder) is not javac's: no Trees.
    JavaFileObject shop = shop("delete(ids.get(0));");
    JavaFileObject other =
        source(
            "com.example.Other",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "public interface Other {",
            "  @PermissionRequired(\"orders:admin\") void purge();",
            "  @TokenRequired default void purgeAll() { purge(); }",
            "}");
    Compilation c =
        Compiler.javac()
            .withProcessors(new OriginRecorder(new ApoJwtProcessor()))
            .withOptions(TestCompiler.LINT)
            .compile(shop, other);
    assertThat(c).succeededWithoutWarnings();
    String note =
        "apojwt did not check the bodies of default methods: this compiler does not provide"
            + " javac's tree API (com.sun.source.util.Trees). A default method that calls a"
            + " stricter method of its interface on this runs that method without its check;"
            + " compile with javac to have this checked";
    assertThat(c).hadNoteContaining(note);
    assertThat(c.notes().stream().filter(n -> n.getMessage(null).contains(note)).count())
        .isEqualTo(1);
  }
}
