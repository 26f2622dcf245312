package dev.apojwt.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.apojwt.processor.TestCompiler.source;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.apojwt.AccessRule;
import dev.apojwt.ApoJwtException;
import dev.apojwt.AuthFailure;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catalogs from libraries, named with {@code -Aapojwt.catalog}: read through their generated
 * hierarchy class when the library has one, inlined into the guard when it has not.
 */
class CatalogTest {

  static final JavaFileObject LIB_PERMS =
      source(
          "com.lib.LibPerms",
          "package com.lib;",
          "import dev.apojwt.annotation.*;",
          "@PermissionCatalog",
          "public interface LibPerms {",
          "  String READ = \"lib:read\";",
          "  @Implies(READ) String WRITE = \"lib:write\";",
          "}");

  static final JavaFileObject PLAIN_PERMS =
      source(
          "com.plain.PlainPerms",
          "package com.plain;",
          "import dev.apojwt.annotation.*;",
          "@PermissionCatalog",
          "public interface PlainPerms {",
          "  String VIEW = \"plain:view\";",
          "  @Implies(VIEW) String EDIT = \"plain:edit\";",
          "}");

  static final JavaFileObject SHOP =
      source(
          "com.example.Shop",
          "package com.example;",
          "import dev.apojwt.annotation.*;",
          "import dev.apojwt.processor.Request;",
          "public interface Shop {",
          "  @PermissionRequired(\"lib:read\") String browse(Request request);",
          "  @PermissionRequired(anyOf = \"plain:view\") String look(Request request);",
          "}");

  /**
   * Two library jars: com.lib compiled with apojwt (so it carries LibPermsHierarchy), and com.plain
   * compiled without it.
   */
  private static List<File> libraries(Path directory, Map<String, byte[]> classes)
      throws Exception {
    Compilation withProcessor = TestCompiler.compile(LIB_PERMS);
    assertThat(withProcessor).succeededWithoutWarnings();
    Compilation plain = Compiler.javac().compile(PLAIN_PERMS);
    assertThat(plain).succeededWithoutWarnings();
    TestCompiler.writeClasses(withProcessor, directory);
    TestCompiler.writeClasses(plain, directory);
    classes.putAll(TestCompiler.classes(withProcessor));
    classes.putAll(TestCompiler.classes(plain));
    List<File> classPath = new ArrayList<>(TestCompiler.userClassPath());
    classPath.add(directory.toFile());
    classPath.add(TestCompiler.locationOf(Request.class)); // the tests' Request
    return classPath;
  }

  private static Compiler withCatalogs(List<File> classPath, String option) {
    return TestCompiler.javac()
        .withClasspath(classPath)
        .withOptions(TestCompiler.LINT, "-Aapojwt.catalog=" + option);
  }

  @Test
  void libraryCatalogsAreReadThroughTheirHierarchyClassOrInlined(@TempDir Path jar)
      throws Throwable {
    Map<String, byte[]> libraryClasses = new java.util.HashMap<>();
    List<File> classPath = libraries(jar, libraryClasses);
    assertThat(libraryClasses).containsKey("com.lib.LibPermsHierarchy");
    assertThat(libraryClasses).doesNotContainKey("com.plain.PlainPermsHierarchy");

    Compilation c =
        withCatalogs(classPath, " com.lib.LibPerms , com.plain.PlainPerms").compile(SHOP);
    assertThat(c).succeededWithoutWarnings();
    String guard = TestCompiler.generatedSource(c, "com.example.GuardedShop");
    assertThat(guard)
        .contains(
            "PERMISSIONS = PermissionHierarchy.combine(LibPermsHierarchy.HIERARCHY,\n"
                + "      PermissionHierarchy.builder()\n"
                + "          .permission(\"plain:view\")\n"
                + "          .permission(\"plain:edit\", \"plain:view\")\n"
                + "          .build());");
    // Nothing is generated for the library catalogs themselves.
    assertThat(c.generatedSourceFiles()).hasSize(1);

    TestCompiler.MemoryClassLoader loader =
        new TestCompiler.MemoryClassLoader(TestCompiler.classes(c), libraryClasses);
    AccessRule browse =
        GuardHandle.accessTable(loader, "com.example.Shop")
            .rule("browse(dev.apojwt.processor.Request)")
            .orElseThrow();
    assertThat(browse.accepted()).containsExactly("lib:read", Set.of("lib:read", "lib:write"));
    AccessRule look =
        GuardHandle.accessTable(loader, "com.example.Shop")
            .rule("look(dev.apojwt.processor.Request)")
            .orElseThrow();
    assertThat(look.accepted()).containsExactly("plain:view", Set.of("plain:view", "plain:edit"));

    GuardHandle shop = new GuardHandle(loader, "com.example.Shop", Recorder.create(), Tokens.jwt());
    shop.call("look", Request.bearer(Tokens.access("u", "plain:edit")));
    ApoJwtException e =
        assertThrows(
            ApoJwtException.class,
            () -> shop.call("browse", Request.bearer(Tokens.access("u", "plain:edit"))));
    assertThat(e.reason()).isEqualTo(AuthFailure.Reason.FORBIDDEN);
    assertThat(shop.recorder.calls).hasSize(1);
  }

  @Test
  void permissionsAreCheckedAgainstLibraryCatalogs(@TempDir Path jar) throws Exception {
    List<File> classPath = libraries(jar, new java.util.HashMap<>());
    JavaFileObject typo =
        source(
            "com.example.Typo",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "public interface Typo {",
            "  @PermissionRequired(\"lib:wirte\") String write();",
            "}");
    Compilation c = withCatalogs(classPath, "com.lib.LibPerms").compile(typo);
    assertThat(c).hadErrorCount(1);
    assertThat(c)
        .hadErrorContaining(
            "permission \"lib:wirte\" is not in the permission catalog (com.lib.LibPerms): did you"
                + " mean \"lib:write\"?")
        .inFile(typo)
        .onLineContaining("lib:wirte");
  }

  @Test
  void withoutTheOptionALibraryCatalogIsUnknownAndNamesAreUnchecked(@TempDir Path jar)
      throws Exception {
    List<File> classPath = libraries(jar, new java.util.HashMap<>());
    Compilation c = TestCompiler.javac().withClasspath(classPath).compile(SHOP);
    assertThat(c).succeededWithoutWarnings();
    assertThat(TestCompiler.generatedSource(c, "com.example.GuardedShop"))
        .contains("PERMISSIONS = PermissionHierarchy.none();");
  }

  @Test
  void aGuardReadsOnlyTheCatalogsThatDeclareItsPermissions() {
    JavaFileObject other =
        source(
            "com.example.Other",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@PermissionCatalog",
            "public interface Other { String X = \"other:x\"; }");
    JavaFileObject handler =
        source(
            "com.example.Handler",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "public interface Handler {",
            "  @PermissionRequired(\"lib:read\") String read();",
            "  @TokenRequired String any();",
            "}");
    Compilation c = TestCompiler.compile(LIB_PERMS, other, handler);
    assertThat(c).succeededWithoutWarnings();
    assertThat(TestCompiler.generatedSource(c, "com.example.GuardedHandler"))
        .contains("PERMISSIONS = LibPermsHierarchy.HIERARCHY;");
    assertThat(c.generatedSourceFile("com.example.OtherHierarchy").isPresent()).isTrue();
  }
}
