package dev.apojwt.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.apojwt.processor.TestCompiler.compile;
import static dev.apojwt.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.apojwt.annotation.TokenRequired;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every compile error of the processor: how many errors, the text (with its fix), the file and the
 * line. Each source is small and has exactly the problem under test.
 */
class DiagnosticsTest {

  static final JavaFileObject PERMS =
      source(
          "com.example.Perms",
          "package com.example;",
          "import dev.apojwt.annotation.Implies;",
          "import dev.apojwt.annotation.PermissionCatalog;",
          "@PermissionCatalog",
          "public interface Perms {",
          "  String ORDERS_READ = \"orders:read\";",
          "  @Implies(ORDERS_READ) String ORDERS_WRITE = \"orders:write\";",
          "  @Implies(ORDERS_WRITE) String ORDERS_ADMIN = \"orders:admin\";",
          "}");

  /**
   * Exactly {@code count} errors, one of them {@code message} on the line containing {@code line}.
   */
  static void assertError(
      Compilation compilation, int count, String message, JavaFileObject file, String line) {
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(count);
    assertThat(compilation).hadErrorContaining(message).inFile(file).onLineContaining(line);
  }

  /** Compiles {@code sources} again and checks what the processor wrote. */
  static void assertGenerated(List<String> expected, JavaFileObject... sources) {
    assertThat(TestCompiler.generatedSourceNames(sources)).containsExactlyElementsIn(expected);
  }

  // ------------------------------------------------------------------ 1. no access rule

  @Nested
  class NoAccessRule {
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
  }

  // ------------------------------------------------------------------ 1. redeclared rules

  /**
   * A method without a rule of its own that overrides methods of superinterfaces must not take a
   * default that differs from what they require.
   */
  @Nested
  class Redeclaration {
    final JavaFileObject base =
        source(
            "com.example.Base",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "public interface Base {",
            "  @PermissionRequired(\"orders:admin\") String purge(String id);",
            "}");

    @Test
    void aRedeclarationWithoutRuleTakingADifferentInterfaceDefault() {
      JavaFileObject orders =
          source(
              "com.example.Orders",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "@TokenRequired",
              "public interface Orders extends Base {",
              "  /** Deletes the order for good. */",
              "  @Override String purge(String id);",
              "}");
      assertError(
          compile(base, orders),
          1,
          "Orders.purge(String) redeclares Base.purge(String) without an access rule, so it would"
              + " get @TokenRequired instead of @PermissionRequired(\"orders:admin\"): annotate"
              + " the redeclaration with the rule it should have",
          orders,
          "@Override String purge(String id);");
      assertGenerated(List.of("com.example.GuardedBase"), base, orders);
    }

    @Test
    void aDefaultMethodOverridingWithoutRule() {
      JavaFileObject orders =
          source(
              "com.example.Orders",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "@Public",
              "public interface Orders extends Base {",
              "  @Override default String purge(String id) { return id; }",
              "}");
      assertError(
          compile(base, orders),
          1,
          "Orders.purge(String) redeclares Base.purge(String) without an access rule, so it would"
              + " get @Public instead of @PermissionRequired(\"orders:admin\")",
          orders,
          "default String purge(");
    }

    @Test
    void throughSeveralLevelsWithoutRules() {
      // Middle redeclares purge without a rule and has no default (it is no handler itself):
      // what it requires is what Base's purge requires.
      JavaFileObject middle =
          source(
              "com.example.Middle",
              "package com.example;",
              "public interface Middle extends Base {",
              "  @Override String purge(String id);",
              "}");
      JavaFileObject orders =
          source(
              "com.example.Orders",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "@TokenRequired",
              "public interface Orders extends Middle {",
              "  @Override String purge(String id);",
              "}");
      assertError(
          compile(base, middle, orders),
          1,
          "Orders.purge(String) redeclares Base.purge(String) without an access rule, so it would"
              + " get @TokenRequired instead of @PermissionRequired(\"orders:admin\")",
          orders,
          "@Override String purge(String id);");
    }

    @Test
    void anIntermediateInterfaceDefaultIsWhatItsMethodRequires() {
      // Middle's default gives its redeclaration @TokenRequired: that is reported on Middle,
      // and Orders, which takes @TokenRequired too, is consistent with Middle.
      JavaFileObject middle =
          source(
              "com.example.Middle",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "@TokenRequired",
              "public interface Middle extends Base {",
              "  @Override String purge(String id);",
              "}");
      JavaFileObject orders =
          source(
              "com.example.Orders",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "@TokenRequired",
              "public interface Orders extends Middle {",
              "  @Override String purge(String id);",
              "}");
      assertError(
          compile(base, middle, orders),
          1,
          "Middle.purge(String) redeclares Base.purge(String) without an access rule, so it would"
              + " get @TokenRequired instead of @PermissionRequired(\"orders:admin\")",
          middle,
          "@Override String purge(String id);");
    }

    @Test
    void fromSeveralSuperinterfaces() {
      JavaFileObject reader =
          source(
              "com.example.Reader",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "@Public",
              "public interface Reader {",
              "  String purge(String id);",
              "}");
      JavaFileObject both =
          source(
              "com.example.Both",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "@Public",
              "public interface Both extends Reader, Base {",
              "  @Override String purge(String id);",
              "}");
      assertError(
          compile(reader, base, both),
          1,
          "Both.purge(String) redeclares Base.purge(String) without an access rule, so it would"
              + " get @Public instead of @PermissionRequired(\"orders:admin\")",
          both,
          "@Override String purge(String id);");
    }

    @Test
    void throughAGenericSuperinterface() {
      JavaFileObject repo =
          source(
              "com.example.Repo",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "public interface Repo<K> {",
              "  @PermissionRequired(\"orders:admin\") String purge(K id);",
              "}");
      JavaFileObject orders =
          source(
              "com.example.Orders",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "@TokenRequired",
              "public interface Orders extends Repo<Long> {",
              "  @Override String purge(Long id);",
              "}");
      assertError(
          compile(repo, orders),
          1,
          "Orders.purge(Long) redeclares Repo.purge(K) without an access rule, so it would get"
              + " @TokenRequired instead of @PermissionRequired(\"orders:admin\")",
          orders,
          "@Override String purge(Long id);");
    }

    @Test
    void aRedeclarationInALibraryIsReportedOnTheHandler(@TempDir Path jar) throws Exception {
      JavaFileObject middle =
          source(
              "com.example.Middle",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "public interface Middle extends Base {",
              "  @Override String purge(String id);",
              "}");
      Compilation library = compile(base, middle);
      assertThat(library).succeeded(); // Middle has no rule of its own: it is no handler
      TestCompiler.writeClasses(library, jar);
      JavaFileObject orders =
          source(
              "com.example.Orders",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "@TokenRequired",
              "public interface Orders extends Middle {}");
      List<File> classPath = new ArrayList<>(TestCompiler.userClassPath());
      classPath.add(jar.toFile());
      assertError(
          TestCompiler.javac().withClasspath(classPath).compile(orders),
          1,
          "in Middle.purge(String): Middle.purge(String) redeclares Base.purge(String) without an"
              + " access rule, so it would get @TokenRequired instead of"
              + " @PermissionRequired(\"orders:admin\")",
          orders,
          "public interface Orders");
    }

    @Test
    void aRedeclarationWithItsOwnRuleCompiles() {
      JavaFileObject orders =
          source(
              "com.example.Orders",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "@TokenRequired",
              "public interface Orders extends Base {",
              "  @PermissionRequired(\"orders:admin\") @Override String purge(String id);",
              "}");
      assertThat(compile(base, orders)).succeededWithoutWarnings();
    }

    @Test
    void aRedeclarationTakingTheSameRuleFromTheDefaultCompiles() {
      JavaFileObject orders =
          source(
              "com.example.Orders",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "@PermissionRequired(\"orders:admin\")",
              "public interface Orders extends Base {",
              "  @Override String purge(String id);",
              "}");
      assertThat(compile(base, orders)).succeededWithoutWarnings();
    }
  }

  // ------------------------------------------------------------------ 2. two rules

  @Nested
  class TwoRules {
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

  // ------------------------------------------------------------------ 3. @PermissionRequired

  @Nested
  class PermissionRequiredContents {
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

  // ------------------------------------------------------------------ 4. unknown permission

  @Nested
  class UnknownPermission {
    @Test
    void withDidYouMean() {
      JavaFileObject orders =
          source(
              "com.example.Orders",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "public interface Orders {",
              "  @PermissionRequired(\"orders:raed\")",
              "  String list();",
              "}");
      Compilation c = compile(PERMS, orders);
      assertError(
          c,
          1,
          "permission \"orders:raed\" is not in the permission catalog (com.example.Perms): did you"
              + " mean \"orders:read\"?",
          orders,
          "orders:raed");
      // The catalog itself is fine, so its hierarchy is still generated; the guard is not.
      assertGenerated(List.of("com.example.PermsHierarchy"), PERMS, orders);
    }

    @Test
    void withoutSuggestionWhenNothingIsClose() {
      JavaFileObject orders =
          source(
              "com.example.Orders",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "public interface Orders {",
              "  @PermissionRequired(anyOf = {\"orders:read\", \"billing:export\"})",
              "  String list();",
              "}");
      assertError(
          compile(PERMS, orders),
          1,
          "permission \"billing:export\" is not in the permission catalog (com.example.Perms):"
              + " declare it there, or fix the name",
          orders,
          "billing:export");
    }

    @Test
    void namesAreNotCheckedWithoutACatalog() {
      JavaFileObject orders =
          source(
              "com.example.Orders",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "public interface Orders {",
              "  @PermissionRequired(\"anything:goes\")",
              "  String list();",
              "}");
      assertThat(compile(orders)).succeededWithoutWarnings();
    }
  }

  // ------------------------------------------------------------------ 5. catalogs

  @Nested
  class CatalogErrors {
    @Test
    void impliesCycleIsReportedOnceNamingTheCycle() {
      JavaFileObject perms =
          source(
              "com.example.Perms",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "@PermissionCatalog",
              "public interface Perms {",
              "  @Implies(Perms.B) String A = \"orders:a\";",
              "  @Implies(Perms.C) String B = \"orders:b\";",
              "  @Implies(Perms.A) String C = \"orders:c\";",
              "  @Implies(Perms.D) String D = \"orders:d\";",
              "  String E = \"orders:e\";",
              "}");
      Compilation c = compile(perms);
      assertThat(c).hadErrorCount(2);
      assertThat(c)
          .hadErrorContaining(
              "@Implies cycle: orders:a -> orders:b -> orders:c -> orders:a; a permission cannot"
                  + " imply itself: remove one of these @Implies")
          .inFile(perms)
          .onLineContaining("String A =");
      assertThat(c)
          .hadErrorContaining("@Implies cycle: orders:d -> orders:d")
          .inFile(perms)
          .onLineContaining("String D =");
      assertGenerated(List.of(), perms);
    }

    @Test
    void aGuardReadingABrokenCatalogIsNotGenerated() {
      JavaFileObject perms =
          source(
              "com.example.Perms",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "@PermissionCatalog",
              "public interface Perms {",
              "  @Implies(Perms.B) String A = \"orders:a\";",
              "  @Implies(Perms.A) String B = \"orders:b\";",
              "}");
      JavaFileObject orders =
          source(
              "com.example.Orders",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "public interface Orders {",
              "  @PermissionRequired(Perms.A) String list();",
              "}");
      Compilation c = compile(perms, orders);
      assertError(c, 1, "@Implies cycle: orders:a -> orders:b -> orders:a", perms, "String A");
      assertGenerated(List.of(), perms, orders);
    }

    @Test
    void impliesNamesAnUnknownPermission() {
      JavaFileObject perms =
          source(
              "com.example.Perms",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "@PermissionCatalog",
              "public interface Perms {",
              "  String READ = \"orders:read\";",
              "  @Implies({READ, \"orders:reed\"}) String WRITE = \"orders:write\";",
              "}");
      assertError(
          compile(perms),
          1,
          "@Implies names \"orders:reed\", which is not a permission of Perms: did you mean"
              + " \"orders:read\"?",
          perms,
          "String WRITE");
    }

    @Test
    void impliesOnAFieldOfANonCatalog() {
      JavaFileObject names =
          source(
              "com.example.Names",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "public interface Names {",
              "  String READ = \"orders:read\";",
              "  @Implies(READ) String WRITE = \"orders:write\";",
              "}");
      assertError(
          compile(names),
          1,
          "@Implies belongs on a permission constant (a static final String with a constant"
              + " value) of a @PermissionCatalog: move it there or remove it",
          names,
          "String WRITE");
    }

    @Test
    void impliesOnAFieldThatIsNotAPermission() {
      JavaFileObject perms =
          source(
              "com.example.Perms",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "@PermissionCatalog",
              "public final class Perms {",
              "  public static final String READ = \"orders:read\";",
              "  @Implies(READ) public final String write = \"orders:write\";",
              "}");
      assertError(compile(perms), 1, "@Implies belongs on a permission constant", perms, "write");
    }

    @Test
    void constantThatIsNotACompileTimeConstant() {
      JavaFileObject perms =
          source(
              "com.example.Perms",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "@PermissionCatalog",
              "public final class Perms {",
              "  public static final String READ = \"orders:read\";",
              "  public static final String WRITE = String.valueOf(\"orders:write\");",
              "}");
      assertError(
          compile(perms),
          1,
          "Perms.WRITE is not a compile-time constant String: initialise a catalog permission"
              + " with a string literal or a constant expression",
          perms,
          "WRITE");
    }

    @Test
    void twoConstantsWithTheSameValue() {
      JavaFileObject perms =
          source(
              "com.example.Perms",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "@PermissionCatalog",
              "public interface Perms {",
              "  String READ = \"orders:read\";",
              "  String VIEW = \"orders:read\";",
              "}");
      assertError(
          compile(perms),
          1,
          "Perms.VIEW has the same value \"orders:read\" as Perms.READ: declare each permission"
              + " once",
          perms,
          "VIEW");
    }

    @Test
    void blankPermissionValue() {
      JavaFileObject perms =
          source(
              "com.example.Perms",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "@PermissionCatalog",
              "public interface Perms {",
              "  String NONE = \" \";",
              "}");
      assertError(compile(perms), 1, "Perms.NONE is blank", perms, "NONE");
    }

    @Test
    void paddedPermissionValue() {
      JavaFileObject perms =
          source(
              "com.example.Perms",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "@PermissionCatalog",
              "public interface Perms {",
              "  String READ = \"orders:read\\t\";",
              "}");
      assertError(
          compile(perms),
          1,
          "Perms.READ has leading or trailing whitespace (\"orders:read\t\"): write"
              + " \"orders:read\"",
          perms,
          "READ");
    }

    @Test
    void catalogOnAnEnum() {
      JavaFileObject perms =
          source(
              "com.example.Perms",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "@PermissionCatalog",
              "public enum Perms { READ }");
      assertError(
          compile(perms),
          1,
          "@PermissionCatalog is not allowed on enum Perms: declare the permission constants in a"
              + " class or interface",
          perms,
          "@PermissionCatalog");
    }

    @Test
    void catalogOnARecord() {
      JavaFileObject perms =
          source(
              "com.example.Perms",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "@PermissionCatalog",
              "public record Perms(String read) {}");
      assertError(
          compile(perms), 1, "@PermissionCatalog is not allowed on record Perms", perms, "@Perm");
    }

    @Test
    void catalogOnAnAnnotationType() {
      JavaFileObject perms =
          source(
              "com.example.Perms",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "@PermissionCatalog",
              "public @interface Perms {}");
      assertError(
          compile(perms),
          1,
          "@PermissionCatalog is not allowed on annotation type Perms",
          perms,
          "@PermissionCatalog");
    }
  }

  // ------------------------------------------------------------------ 6. misplaced

  @Nested
  class Misplaced {
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

  // ------------------------------------------------------------------ 7. parameters

  @Nested
  class Parameters {
    private JavaFileObject handler(String method) {
      return source(
          "com.example.Orders",
          "package com.example;",
          "import dev.apojwt.VerifiedRefresh;",
          "import dev.apojwt.VerifiedToken;",
          "import dev.apojwt.annotation.*;",
          "import java.util.*;",
          "public interface Orders {",
          "  " + method,
          "}");
    }

    private void assertParameterError(String method, String message, String line) {
      JavaFileObject orders = handler(method);
      Compilation c = compile(orders);
      assertError(c, 1, message, orders, line);
      assertGenerated(List.of(), orders);
    }

    @Test
    void tokenSubjectOfTheWrongType() {
      assertParameterError(
          "@TokenRequired String mine(@TokenSubject Object user, @TokenSubject int id);",
          "@TokenSubject needs a parameter that accepts String, but id is int: change the"
              + " parameter type to String",
          "mine(");
    }

    @Test
    void tokenDataOfTheWrongType() {
      assertParameterError(
          "@TokenRequired String mine(@TokenData Map<String, String> data);",
          "@TokenData needs a parameter that accepts Map<String, Object>, but data is"
              + " Map<String, String>: change the parameter type to Map<String, Object>",
          "mine(");
    }

    @Test
    void tokenPermissionsOfTheWrongType() {
      assertParameterError(
          "@TokenRequired String mine(@TokenPermissions List<String> perms);",
          "@TokenPermissions needs a parameter that accepts Set<String>, but perms is"
              + " List<String>",
          "mine(");
    }

    @Test
    void refreshDataOfTheWrongType() {
      assertParameterError(
          "@Refresh String renew(@RefreshData String data);",
          "@RefreshData needs a parameter that accepts Map<String, Object>, but data is String",
          "renew(");
    }

    @Test
    void supertypesOfTheInjectedTypeAreAccepted() {
      JavaFileObject orders =
          handler(
              "@TokenRequired String mine(@TokenSubject CharSequence user,"
                  + " @TokenData Map<String, ?> data, @TokenPermissions Collection<String> p);");
      assertThat(compile(orders)).succeededWithoutWarnings();
    }

    @Test
    void injectedTypesAreCheckedAsSeenFromTheHandler() {
      JavaFileObject base =
          source(
              "com.example.Base",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "public interface Base<M> {",
              "  String who(@TokenData M data);",
              "}");
      JavaFileObject good =
          source(
              "com.example.Good",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "@TokenRequired",
              "public interface Good extends Base<java.util.Map<String, Object>> {}");
      assertThat(compile(base, good)).succeededWithoutWarnings();
      JavaFileObject bad =
          source(
              "com.example.Bad",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "@TokenRequired",
              "public interface Bad extends Base<String> {}");
      assertError(
          compile(base, bad),
          1,
          "@TokenData needs a parameter that accepts Map<String, Object>, but data is String",
          base,
          "String who(");
    }

    @Test
    void twoInjectionsOnOneParameter() {
      assertParameterError(
          "@TokenRequired String mine(@TokenSubject @TokenData Object user);",
          "parameter user has two injection annotations (@TokenSubject and @TokenData): keep one",
          "mine(");
    }

    @Test
    void injectionOnAPublicMethod() {
      assertParameterError(
          "@Public String mine(@TokenSubject String user);",
          "@TokenSubject on @Public method Orders.mine(String): a public method reads no token,"
              + " so there is nothing to fill in; remove it, or give the method a rule that needs"
              + " a token",
          "mine(");
    }

    @Test
    void verifiedTokenParameterOnAPublicMethod() {
      assertParameterError(
          "@Public String mine(VerifiedToken token);",
          "VerifiedToken parameter token on @Public method Orders.mine(VerifiedToken)",
          "mine(");
    }

    @Test
    void bearerTokenOnAPublicMethod() {
      assertParameterError(
          "@Public String mine(@BearerToken String authorization);",
          "@BearerToken on @Public method Orders.mine(String)",
          "mine(");
    }

    @Test
    void refreshDataOutsideRefresh() {
      assertParameterError(
          "@TokenRequired String mine(@RefreshData Map<String, Object> data);",
          "@RefreshData in Orders.mine(Map<String, Object>): only @Refresh methods receive the"
              + " refresh token; remove it, or make the method @Refresh",
          "mine(");
    }

    @Test
    void verifiedRefreshOutsideRefresh() {
      assertParameterError(
          "@PermissionRequired(\"orders:read\") String mine(VerifiedRefresh refresh);",
          "VerifiedRefresh parameter refresh in Orders.mine(VerifiedRefresh): only @Refresh"
              + " methods receive the refresh token",
          "mine(");
    }

    @Test
    void accessTokenInjectionOnRefresh() {
      assertParameterError(
          "@Refresh String renew(@TokenSubject String user);",
          "@TokenSubject on @Refresh method Orders.renew(String): a @Refresh method receives a"
              + " refresh token, not an access token; use @RefreshData or a VerifiedRefresh"
              + " parameter",
          "renew(");
    }

    @Test
    void verifiedTokenOnRefresh() {
      assertParameterError(
          "@Refresh String renew(VerifiedToken token);",
          "VerifiedToken parameter token on @Refresh method Orders.renew(VerifiedToken)",
          "renew(");
    }

    @Test
    void twoBearerTokens() {
      assertParameterError(
          "@TokenRequired String get(@BearerToken String a, @BearerToken String b);",
          "Orders.get(String, String) has more than one @BearerToken parameter: keep one, on the"
              + " parameter that carries the token",
          "get(");
    }

    @Test
    void bearerTokenThatIsNotAString() {
      assertParameterError(
          "@TokenRequired String get(@BearerToken CharSequence authorization);",
          "@BearerToken needs a String parameter, but authorization is CharSequence: declare it"
              + " as String",
          "get(");
    }

    @Test
    void bearerTokenWithAnInjection() {
      assertParameterError(
          "@TokenRequired String get(@BearerToken @TokenSubject String authorization);",
          "@BearerToken parameter authorization also has @TokenSubject: the token parameter is"
              + " passed on unchanged; put @TokenSubject on a separate parameter",
          "get(");
    }
  }

  // ------------------------------------------------------------------ default-method bodies

  /**
   * A default method's body runs in the implementation after only the default method's check: a
   * call in it, on {@code this}, to a sibling that requires more is an error at the call.
   */
  @Nested
  class DefaultMethodBodies {
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

  // ------------------------------------------------------------------ others

  @Nested
  class Other {
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
    void aProblemInALibrarySuperinterfaceIsReportedOnTheHandler(@TempDir Path jar)
        throws Exception {
      JavaFileObject base =
          source(
              "com.lib.Base",
              "package com.lib;",
              "import dev.apojwt.annotation.*;",
              "public interface Base {",
              "  String who(@TokenSubject int user);",
              "}");
      Compilation library = compile(base);
      assertThat(library).succeededWithoutWarnings(); // no rule: not a handler by itself
      TestCompiler.writeClasses(library, jar);
      JavaFileObject orders =
          source(
              "com.example.Orders",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "@TokenRequired",
              "public interface Orders extends com.lib.Base {}");
      List<File> classPath = new ArrayList<>(TestCompiler.userClassPath());
      classPath.add(jar.toFile());
      Compilation c = TestCompiler.javac().withClasspath(classPath).compile(orders);
      // A class file compiled without -parameters names its parameters arg0, arg1, ...
      assertError(
          c,
          1,
          "in parameter arg0 of Base.who(int): @TokenSubject needs a parameter that accepts"
              + " String, but arg0 is int",
          orders,
          "public interface Orders");
    }

    @Test
    void unknownCatalogOption() {
      JavaFileObject orders =
          source(
              "com.example.Orders",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "@TokenRequired",
              "public interface Orders { String list(); }");
      Compilation c =
          TestCompiler.javac()
              .withOptions(TestCompiler.LINT, "-Aapojwt.catalog=com.example.Nowhere")
              .compile(orders);
      assertThat(c).hadErrorCount(1);
      assertThat(c)
          .hadErrorContaining(
              "-Aapojwt.catalog names com.example.Nowhere, which is not on the class path: add the"
                  + " library that declares it, or fix the name");
    }

    @Test
    void catalogOptionNamingANonCatalog() {
      JavaFileObject orders =
          source(
              "com.example.Orders",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "@TokenRequired",
              "public interface Orders { String list(); }");
      Compilation c =
          TestCompiler.javac()
              .withOptions(TestCompiler.LINT, "-Aapojwt.catalog=java.lang.String")
              .compile(orders);
      assertThat(c).hadErrorCount(1);
      assertThat(c)
          .hadErrorContaining(
              "-Aapojwt.catalog names java.lang.String, which is not annotated @PermissionCatalog");
    }

    @Test
    void runtimeMissingFromTheClassPath() {
      JavaFileObject orders =
          source(
              "com.example.Orders",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "@TokenRequired",
              "public interface Orders { String list(); }");
      JavaFileObject more =
          source(
              "com.example.More",
              "package com.example;",
              "import dev.apojwt.annotation.*;",
              "@TokenRequired",
              "public interface More { String list(); }");
      Compilation c =
          TestCompiler.javac()
              .withClasspath(List.of(TestCompiler.locationOf(TokenRequired.class)))
              .compile(orders, more);
      // Said once, not once per interface.
      assertError(
          c,
          1,
          "apojwt-runtime is not on the class path (dev.apojwt.ApoJwt not found), so no guard can"
              + " be generated: add the dependency dev.apojwt:apojwt-runtime",
          orders,
          "public interface Orders");
      assertThat(
              TestCompiler.generatedSourceNames(
                  List.of(TestCompiler.locationOf(TokenRequired.class).getPath()),
                  new ApoJwtProcessor(),
                  orders,
                  more))
          .isEmpty();
    }
  }
}
