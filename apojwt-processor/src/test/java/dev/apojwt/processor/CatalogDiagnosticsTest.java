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
 * Compile error 5 and the catalog's own errors: {@code @Implies} cycles and unknown names,
 * constants that are no permissions, and catalogs on types that cannot hold them.
 */
class CatalogDiagnosticsTest {
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
