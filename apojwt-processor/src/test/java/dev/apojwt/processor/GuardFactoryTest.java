package dev.apojwt.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.apojwt.processor.TestCompiler.source;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import dev.apojwt.AccessTable;
import dev.apojwt.ApoJwt;
import dev.apojwt.ApoJwtException;
import dev.apojwt.AuthFailure;
import dev.apojwt.GuardFactory;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated {@code GuardFactory}s as a framework uses them: a real compilation into a class
 * output directory, {@link ServiceLoader} over it, and guards made by the factories enforcing their
 * rules with real tokens.
 */
class GuardFactoryTest {
  static final JavaFileObject ORDERS =
      source(
          "com.example.Orders",
          "package com.example;",
          "import dev.apojwt.annotation.*;",
          "import dev.apojwt.processor.Request;",
          "public interface Orders {",
          "  @PermissionRequired(\"orders:read\") String get(Request request, String id);",
          "  @Public String health();",
          "}");

  /** Generic, and nested in a class. */
  static final JavaFileObject STORE =
      source(
          "com.example.store.Store",
          "package com.example.store;",
          "import dev.apojwt.annotation.*;",
          "import dev.apojwt.processor.Request;",
          "public final class Store {",
          "  private Store() {}",
          "  @TokenRequired",
          "  public interface Repo<T extends Comparable<T>> {",
          "    T find(Request request, String id);",
          "  }",
          "}");

  /** Two other types named Factory: one nested in the handler, one imported. */
  static final JavaFileObject OTHER_FACTORY =
      source(
          "com.example.other.Factory",
          "package com.example.other;",
          "public final class Factory {}");

  static final JavaFileObject PLANT =
      source(
          "com.example.Plant",
          "package com.example;",
          "import dev.apojwt.annotation.*;",
          "import dev.apojwt.processor.Request;",
          "@TokenRequired",
          "public interface Plant {",
          "  interface Factory { String name(); }",
          "  Factory local(Request request);",
          "  com.example.other.Factory remote(Request request);",
          "}");

  /** Package-private: its public guard's public factory is what ServiceLoader instantiates. */
  static final JavaFileObject INTERNAL =
      source(
          "com.example.Internal",
          "package com.example;",
          "import dev.apojwt.annotation.*;",
          "import dev.apojwt.processor.Request;",
          "@TokenRequired",
          "interface Internal { String ping(Request request); }");

  /** Not a handler: no factory, no line. */
  static final JavaFileObject PLAIN =
      source("com.example.Plain", "package com.example;", "public interface Plain { String a(); }");

  @TempDir static Path out;
  static URLClassLoader loader;
  static Map<String, GuardFactory<?>> factories;

  @BeforeAll
  static void compileAndLoad() throws IOException {
    DirectoryCompiler.Result result =
        DirectoryCompiler.compile(out, ORDERS, STORE, OTHER_FACTORY, PLANT, INTERNAL, PLAIN);
    assertThat(result.success()).isTrue();
    assertThat(result.messages(Diagnostic.Kind.WARNING)).isEmpty();
    assertThat(result.messages(Diagnostic.Kind.MANDATORY_WARNING)).isEmpty();
    loader =
        new URLClassLoader(
            new URL[] {out.toUri().toURL()}, GuardFactoryTest.class.getClassLoader());
    factories = new LinkedHashMap<>();
    for (GuardFactory<?> factory : ServiceLoader.load(GuardFactory.class, loader)) {
      factories.put(factory.handler().getName(), factory);
    }
  }

  @AfterAll
  static void close() throws IOException {
    if (loader != null) {
      loader.close();
    }
  }

  @Test
  void theServicesFileListsEveryFactoryWithItsHandler() throws IOException {
    assertThat(DirectoryCompiler.servicesFile(out))
        .containsExactly(
            "com.example.GuardedInternal$Factory # com.example.Internal",
            "com.example.GuardedOrders$Factory # com.example.Orders",
            "com.example.GuardedPlant$Factory # com.example.Plant",
            "com.example.store.GuardedStore_Repo$Factory # com.example.store.Store$Repo")
        .inOrder();
  }

  @Test
  void serviceLoaderFindsTheFactoryOfEveryHandlerAndNoOther() throws Exception {
    assertThat(factories.keySet())
        .containsExactly(
            "com.example.Internal",
            "com.example.Orders",
            "com.example.Plant",
            "com.example.store.Store$Repo");
    for (GuardFactory<?> factory : factories.values()) {
      assertThat(factory.getClass().getClassLoader()).isSameInstanceAs(loader);
      assertThat(factory.handler().isInterface()).isTrue();
      assertThat(factory.handler().getClassLoader()).isSameInstanceAs(loader);
    }
  }

  @Test
  void theFactorysGuardEnforcesTheRule() throws Throwable {
    GuardFactory<?> factory = factories.get("com.example.Orders");
    Recorder recorder = Recorder.create();
    Object guard = guard(factory, recorder, Tokens.jwt());
    assertThat(guard.getClass().getName()).isEqualTo("com.example.GuardedOrders");
    Method get = factory.handler().getMethod("get", Request.class, String.class);

    assertThat(call(get, guard, Request.bearer(Tokens.access("u", "orders:read")), "o-1"))
        .isEqualTo("get");
    assertThat(recorder.onlyCall("get").get(1)).isEqualTo("o-1");

    ApoJwtException forbidden =
        assertThrows(
            ApoJwtException.class,
            () -> call(get, guard, Request.bearer(Tokens.access("u", "orders:write")), "o-2"));
    assertThat(forbidden.reason()).isEqualTo(AuthFailure.Reason.FORBIDDEN);
    ApoJwtException missing =
        assertThrows(ApoJwtException.class, () -> call(get, guard, Request.anonymous(), "o-3"));
    assertThat(missing.reason()).isEqualTo(AuthFailure.Reason.MISSING_TOKEN);
    assertThat(recorder.calls).hasSize(1);

    assertThat(call(factory.handler().getMethod("health"), guard)).isEqualTo("health");
  }

  @Test
  void theFactorysAccessTableIsTheGuards() throws Throwable {
    GuardFactory<?> factory = factories.get("com.example.Orders");
    AccessTable table = factory.accessTable();
    assertThat(table).isSameInstanceAs(GuardHandle.accessTable(loader, "com.example.Orders"));
    assertThat(table.handler()).isEqualTo("com.example.Orders");
    assertThat(
            table
                .rule("get(dev.apojwt.processor.Request, java.lang.String)")
                .orElseThrow()
                .accepted())
        .containsKey("orders:read");
  }

  @Test
  void aGenericHandlersFactoryGuardsItWhateverItsTypeArgument() throws Throwable {
    GuardFactory<?> factory = factories.get("com.example.store.Store$Repo");
    assertThat(factory.handler().getTypeParameters()).hasLength(1);
    Recorder recorder = Recorder.create().answer("find", arguments -> "found");
    Object guard = guard(factory, recorder, Tokens.jwt());
    assertThat(guard.getClass().getName()).isEqualTo("com.example.store.GuardedStore_Repo");
    Method find = factory.handler().getMethod("find", Request.class, String.class);

    assertThat(call(find, guard, Request.bearer(Tokens.access("u")), "r-1")).isEqualTo("found");
    assertThrows(ApoJwtException.class, () -> call(find, guard, Request.anonymous(), "r-2"));
    assertThat(recorder.calls).hasSize(1);
    assertThat(factory.accessTable().handler()).isEqualTo("com.example.store.Store.Repo");
  }

  @Test
  void aPackagePrivateHandlersFactoryWorksFromOutsideItsPackage() throws Throwable {
    GuardFactory<?> factory = factories.get("com.example.Internal");
    assertThat(Modifier.isPublic(factory.handler().getModifiers())).isFalse();
    Recorder recorder = Recorder.create();
    Object guard = guard(factory, recorder, Tokens.jwt());
    Method ping = guard.getClass().getMethod("ping", Request.class); // the public guard's
    assertThat(call(ping, guard, Request.bearer(Tokens.access("u")))).isEqualTo("ping");
    assertThrows(ApoJwtException.class, () -> call(ping, guard, Request.anonymous()));
    assertThat(recorder.calls).hasSize(1);
  }

  @Test
  void aFactoryChecksItsArgumentsAsTheGuardsConstructorDoes() {
    GuardFactory<?> factory = factories.get("com.example.Orders");
    assertThrows(NullPointerException.class, () -> guard(factory, null, Tokens.jwt()));
    assertThrows(NullPointerException.class, () -> guard(factory, Recorder.create(), null));
    // A method needs a token finder that this configuration lacks: refused at once.
    ApoJwt noFinder = ApoJwt.builder().secret(Tokens.SECRET).issuer("apojwt-tests").build();
    assertThrows(IllegalStateException.class, () -> guard(factory, Recorder.create(), noFinder));
  }

  @Test
  void typesNamedFactoryInTheHandlerOrItsSignaturesDoNotClashWithTheNestedFactory()
      throws Throwable {
    Compilation compilation = TestCompiler.compile(OTHER_FACTORY, PLANT);
    assertThat(compilation).succeededWithoutWarnings();
    String guard = TestCompiler.generatedSource(compilation, "com.example.GuardedPlant");
    assertThat(guard).contains("public Plant.Factory local(Request request)");
    assertThat(guard).contains("public com.example.other.Factory remote(Request request)");
    assertThat(guard).contains("public static final class Factory implements GuardFactory<Plant>");

    GuardFactory<?> factory = factories.get("com.example.Plant");
    Recorder recorder = Recorder.create();
    Object plant = guard(factory, recorder, Tokens.jwt());
    Method local = factory.handler().getMethod("local", Request.class);
    assertThat(call(local, plant, Request.bearer(Tokens.access("u")))).isNull();
    assertThrows(ApoJwtException.class, () -> call(local, plant, Request.anonymous()));
    assertThat(recorder.calls).hasSize(1);
  }

  @Test
  void aTypeParameterNamedFactoryKeepsItsNameAndTheFactoryTakesAnother() {
    JavaFileObject box =
        source(
            "com.example.Box",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@TokenRequired",
            "public interface Box<Factory> { Factory open(); }");
    Compilation compilation = TestCompiler.compile(box);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(TestCompiler.generatedSource(compilation, "com.example.GuardedBox"))
        .contains("public static final class Factory_ implements GuardFactory<Box<?>>");
    assertThat(TestCompiler.generatedResource(compilation, ServicesFile.PATH))
        .isEqualTo("com.example.GuardedBox$Factory_ # com.example.Box\n");
  }

  @Test
  void inMemoryTheServicesFileIsAGeneratedResourceToo() throws IOException {
    Compilation compilation = TestCompiler.compile(ORDERS, PLAIN);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(TestCompiler.generatedResource(compilation, ServicesFile.PATH))
        .isEqualTo("com.example.GuardedOrders$Factory # com.example.Orders\n");
  }

  @Test
  void noHandlerNoServicesFile(@TempDir Path empty) throws IOException {
    DirectoryCompiler.Result result = DirectoryCompiler.compile(empty, PLAIN);
    assertThat(result.success()).isTrue();
    assertThat(DirectoryCompiler.servicesFile(empty)).isNull();
  }

  @Test
  void aHandlerThatFailsValidationGetsNoFactoryAndNoLine(@TempDir Path dir) throws IOException {
    JavaFileObject broken =
        source(
            "com.example.Broken",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "public interface Broken {",
            "  @TokenRequired String a();",
            "  String b();", // no access rule
            "}");
    DirectoryCompiler.Result result = DirectoryCompiler.compile(dir, ORDERS, broken);
    assertThat(result.success()).isFalse();
    assertThat(result.messages(Diagnostic.Kind.ERROR)).hasSize(1);
    assertThat(DirectoryCompiler.servicesFile(dir))
        .containsExactly("com.example.GuardedOrders$Factory # com.example.Orders");
    assertThat(dir.resolve("com/example/GuardedBroken$Factory.class").toFile().exists()).isFalse();
  }

  @SuppressWarnings("unchecked")
  static Object guard(GuardFactory<?> factory, Recorder recorder, ApoJwt jwt) {
    Object delegate = recorder == null ? null : recorder.implementation(factory.handler());
    return ((GuardFactory<Object>) factory).guard(delegate, jwt);
  }

  static Object call(Method method, Object target, Object... arguments) throws Throwable {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
