package dev.apojwt.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.apojwt.processor.DiagnosticAssertions.assertError;
import static dev.apojwt.processor.DiagnosticAssertions.assertGenerated;
import static dev.apojwt.processor.TestCompiler.compile;
import static dev.apojwt.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A method without a rule of its own that overrides methods of superinterfaces must not take a
 * default that differs from what they require.
 */
class RedeclarationDiagnosticsTest {
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
