package dev.apojwt.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.apojwt.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated source itself: golden files of representative interfaces (exact text, so the
 * formatting is pinned too), and the properties every guard must have.
 */
class GeneratedCodeTest {

  static final JavaFileObject PERMS =
      source(
          "com.example.Perms",
          "package com.example;",
          "import dev.apojwt.annotation.*;",
          "@PermissionCatalog",
          "public interface Perms {",
          "  String ORDERS_READ = \"orders:read\";",
          "  @Implies(ORDERS_READ) String ORDERS_WRITE = \"orders:write\";",
          "  @Implies(ORDERS_WRITE) String ORDERS_ADMIN = \"orders:admin\";",
          "}");

  static final JavaFileObject BILLING =
      source(
          "com.example.billing.Billing",
          "package com.example.billing;",
          "import dev.apojwt.annotation.*;",
          "public final class Billing {",
          "  private Billing() {}",
          "  @PermissionCatalog",
          "  public static final class Perms {",
          "    public static final String READ = \"billing:read\";",
          "    @Implies(READ) public static final String EXPORT = \"billing:export\";",
          "  }",
          "}");

  /** The shape of DESIGN.md's example. */
  static final JavaFileObject ORDERS =
      source(
          "com.example.Orders",
          "package com.example;",
          "import dev.apojwt.annotation.*;",
          "import java.util.List;",
          "import java.util.concurrent.CompletionStage;",
          "@TokenRequired",
          "public interface Orders {",
          "  @Public",
          "  String health();",
          "  List<String> mine(Object ctx, @TokenSubject String user);",
          "  @PermissionRequired(Perms.ORDERS_READ)",
          "  String get(String id, @BearerToken String authorization);",
          "  @PermissionRequired(anyOf = {Perms.ORDERS_WRITE, \"billing:export\"})",
          "  CompletionStage<String> export(Object ctx);",
          "}");

  /** Generics, varargs, checked exceptions, default and inherited methods, name clashes. */
  static final JavaFileObject STORE =
      source(
          "com.example.store.Store",
          "package com.example.store;",
          "import dev.apojwt.VerifiedToken;",
          "import dev.apojwt.annotation.*;",
          "import java.io.IOException;",
          "import java.util.*;",
          "public final class Store {",
          "  private Store() {}",
          "  public interface Readable<K> {",
          "    @Public Optional<K> peek(K key);",
          "  }",
          "  @TokenRequired",
          "  public interface Repo<T extends Comparable<T>> extends Readable<String> {",
          "    T find(String id) throws IOException, IllegalStateException;",
          "    <R extends Number & Comparable<R>> R sum(List<? extends R> values);",
          "    @SuppressWarnings(\"unchecked\")",
          "    void save(T... items);",
          "    void save(String id, T item);",
          "    String delegate(String delegate, String jwt, VerifiedToken token,",
          "        @TokenSubject String e);",
          "    default int size() { return 0; }",
          "    @Deprecated",
          "    void legacy();",
          "    String handler();", // its constant must not clash with HANDLER
          "    final class Objects {", // nor may this hide java.util.Objects
          "      private Objects() {}",
          "    }",
          "  }",
          "}");

  /** A deprecated handler: its guard is deprecated too, so using it warns but the guard not. */
  static final JavaFileObject OLD =
      source(
          "com.example.Old",
          "package com.example;",
          "import dev.apojwt.annotation.*;",
          "@Deprecated",
          "@TokenRequired",
          "public interface Old { String get(); }");

  /** Refresh, bearer tokens, CompletableFuture and a catalog from a nested class. */
  static final JavaFileObject SESSIONS =
      source(
          "com.example.Sessions",
          "package com.example;",
          "import com.example.billing.Billing;",
          "import dev.apojwt.VerifiedRefresh;",
          "import dev.apojwt.annotation.*;",
          "import java.util.Map;",
          "import java.util.concurrent.CompletableFuture;",
          "public interface Sessions {",
          "  @Refresh",
          "  CompletableFuture<String> renew(@BearerToken String refreshToken,",
          "      @RefreshData Map<String, Object> data, VerifiedRefresh refresh);",
          "  @PermissionRequired({Perms.ORDERS_READ, Billing.Perms.READ})",
          "  void audit(@TokenPermissions java.util.Set<String> permissions);",
          "}");

  /**
   * Overloads without injected parameters: generic with checked exceptions, varargs, typed nulls
   * where a bare null would be ambiguous, async, deprecated; and two left out for their clashes.
   */
  static final JavaFileObject OVERLOADED =
      source(
          "com.example.Overloaded",
          "package com.example;",
          "import dev.apojwt.VerifiedToken;",
          "import dev.apojwt.annotation.*;",
          "import java.io.IOException;",
          "import java.util.*;",
          "import java.util.concurrent.CompletionStage;",
          "@TokenRequired",
          "public interface Overloaded {",
          "  <R extends Number> R total(List<R> values, @TokenSubject String user)",
          "      throws IOException;",
          "  int count(@TokenData Map<String, Object> data, String... tags);",
          "  String tag(String id, @TokenSubject String user);",
          "  String tag(String id, int times);",
          "  CompletionStage<String> later(Object ctx, VerifiedToken token);",
          "  @Deprecated",
          "  String old(@TokenPermissions Set<String> permissions);",
          "  String label(String id);",
          "  String label(String id, @TokenSubject String user);", // clashes with label(String)
          "  int hashCode(@TokenSubject String user);", // would clash with Object.hashCode()
          "}");

  static Compilation compilation;

  @BeforeAll
  static void compile() {
    compilation = TestCompiler.compile(PERMS, BILLING, ORDERS, STORE, SESSIONS, OLD, OVERLOADED);
  }

  static String golden(String name) throws IOException {
    try (InputStream in = GeneratedCodeTest.class.getResourceAsStream("/golden/" + name)) {
      if (in == null) {
        throw new AssertionError("missing golden file src/test/resources/golden/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * Compares with the golden file. On a difference the actual text is also written to
   * target/golden-actual/, to review and, when the change is intended, copy over.
   */
  private static void assertGolden(String qualifiedName, String file) throws IOException {
    String actual = TestCompiler.generatedSource(compilation, qualifiedName);
    String expected;
    try {
      expected = golden(file);
    } catch (AssertionError missing) {
      expected = null;
    }
    if (!actual.equals(expected)) {
      Path out = Path.of("target", "golden-actual", file);
      Files.createDirectories(out.getParent());
      Files.writeString(out, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void compilesWithoutWarningsUnderXlintAll() {
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void goldenOrders() throws IOException {
    assertGolden("com.example.GuardedOrders", "GuardedOrders.java");
  }

  @Test
  void goldenStoreRepo() throws IOException {
    assertGolden("com.example.store.GuardedStore_Repo", "GuardedStore_Repo.java");
  }

  @Test
  void aDeprecatedHandlerGivesADeprecatedGuard() {
    assertThat(TestCompiler.generatedSource(compilation, "com.example.GuardedOld"))
        .contains("@Deprecated\npublic final class GuardedOld implements Old {");
  }

  @Test
  void goldenSessions() throws IOException {
    assertGolden("com.example.GuardedSessions", "GuardedSessions.java");
  }

  @Test
  void goldenOverloaded() throws IOException {
    assertGolden("com.example.GuardedOverloaded", "GuardedOverloaded.java");
  }

  @Test
  void theServicesFileListsEveryFactorySortedWithItsHandler() throws IOException {
    assertThat(TestCompiler.generatedResource(compilation, ServicesFile.PATH))
        .isEqualTo(
            String.join(
                "\n",
                "com.example.GuardedOld$Factory # com.example.Old",
                "com.example.GuardedOrders$Factory # com.example.Orders",
                "com.example.GuardedOverloaded$Factory # com.example.Overloaded",
                "com.example.GuardedSessions$Factory # com.example.Sessions",
                "com.example.store.GuardedStore_Readable$Factory # com.example.store.Store$Readable",
                "com.example.store.GuardedStore_Repo$Factory # com.example.store.Store$Repo",
                ""));
  }

  @Test
  void goldenHierarchies() throws IOException {
    assertGolden("com.example.PermsHierarchy", "PermsHierarchy.java");
    assertGolden("com.example.billing.Billing_PermsHierarchy", "Billing_PermsHierarchy.java");
  }

  @Test
  void noGuardUsesReflectionOrLambdas() {
    for (String guard :
        new String[] {
          "com.example.GuardedOrders",
          "com.example.store.GuardedStore_Repo",
          "com.example.GuardedSessions",
          "com.example.store.GuardedStore_Readable"
        }) {
      String source = TestCompiler.generatedSource(compilation, guard);
      assertThat(source).doesNotContain("java.lang.reflect");
      assertThat(source).doesNotContain("->");
      assertThat(source).doesNotContain("::");
      assertThat(source).contains("public final class");
      assertThat(source).contains("@Generated(\"dev.apojwt.processor.ApoJwtProcessor\")");
    }
  }

  @Test
  void originatingElementsAreTheInterfaceItsSuperinterfacesAndTheCatalogsItReads() {
    OriginRecorder recorder = new OriginRecorder(new ApoJwtProcessor());
    assertThat(
            TestCompiler.javac()
                .withProcessors(recorder)
                .compile(PERMS, BILLING, ORDERS, STORE, SESSIONS))
        .succeeded();
    assertThat(recorder.origins)
        .containsExactly(
            "com.example.PermsHierarchy", List.of("com.example.Perms"),
            "com.example.billing.Billing_PermsHierarchy",
                List.of("com.example.billing.Billing.Perms"),
            "com.example.GuardedOrders",
                List.of(
                    "com.example.Orders", "com.example.Perms", "com.example.billing.Billing.Perms"),
            "com.example.store.GuardedStore_Readable", List.of("com.example.store.Store.Readable"),
            "com.example.store.GuardedStore_Repo",
                List.of("com.example.store.Store.Repo", "com.example.store.Store.Readable"),
            "com.example.GuardedSessions",
                List.of(
                    "com.example.Sessions",
                    "com.example.Perms",
                    "com.example.billing.Billing.Perms"));
  }

  @Test
  void upperSnakeConstantNames() {
    assertThat(GuardWriter.upperSnake("get")).isEqualTo("GET");
    assertThat(GuardWriter.upperSnake("getById")).isEqualTo("GET_BY_ID");
    assertThat(GuardWriter.upperSnake("parseURLQuickly")).isEqualTo("PARSE_URL_QUICKLY");
    assertThat(GuardWriter.upperSnake("toV2Api")).isEqualTo("TO_V2_API");
    assertThat(GuardWriter.upperSnake("already_snake")).isEqualTo("ALREADY_SNAKE");
  }

  @Test
  void gradleIncrementalMetadataDeclaresAnAggregatingProcessor() throws IOException {
    try (InputStream in =
        ApoJwtProcessor.class.getResourceAsStream(
            "/META-INF/gradle/incremental.annotation.processors")) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip())
          .isEqualTo("dev.apojwt.processor.ApoJwtProcessor,aggregating");
    }
  }

  @Test
  void theProcessorIsRegisteredAsAService() throws IOException {
    try (InputStream in =
        ApoJwtProcessor.class.getResourceAsStream(
            "/META-INF/services/javax.annotation.processing.Processor")) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip())
          .isEqualTo("dev.apojwt.processor.ApoJwtProcessor");
    }
  }
}
