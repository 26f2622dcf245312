package dev.apojwt.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.apojwt.processor.TestCompiler.compile;
import static dev.apojwt.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The processor in the presence of broken code: it never throws into javac, one broken interface
 * does not stop another, and types that appear in a later round are waited for.
 */
class RobustnessTest {

  @Test
  void aBrokenInterfaceNextToAValidOneStillGeneratesTheValidOne() {
    JavaFileObject broken =
        source(
            "com.example.Broken",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "public interface Broken {",
            "  @Public @TokenRequired String list();",
            "}");
    JavaFileObject valid =
        source(
            "com.example.Valid",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@TokenRequired",
            "public interface Valid {",
            "  String list();",
            "}");
    Compilation c = compile(broken, valid);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("two access rules").inFile(broken).onLineContaining("list()");
    assertThat(TestCompiler.generatedSourceNames(broken, valid))
        .containsExactly("com.example.GuardedValid");
  }

  @Test
  void anUnresolvableTypeGivesJavacsOwnErrorNotACrash() {
    JavaFileObject orders =
        source(
            "com.example.Orders",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@TokenRequired",
            "public interface Orders {",
            "  Missing get();",
            "}");
    Compilation c = compile(orders);
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining("cannot find symbol")
        .inFile(orders)
        .onLineContaining("Missing");
    // javac's "cannot find symbol" is a recoverable error, so the processor still says why the
    // guard is missing (code that uses GuardedOrders would otherwise fail mysteriously).
    assertThat(c)
        .hadErrorContaining(
            "GuardedOrders was not generated: Orders.get() uses type Missing, which cannot be"
                + " resolved")
        .inFile(orders)
        .onLineContaining("public interface Orders");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void anUnresolvableTypeInASuperinterfaceDefersTooAndNeverCrashes() {
    JavaFileObject orders =
        source(
            "com.example.Orders",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@TokenRequired",
            "public interface Orders extends Missing {",
            "  String get();",
            "}");
    Compilation c = compile(orders);
    assertThat(c)
        .hadErrorContaining("cannot find symbol")
        .inFile(orders)
        .onLineContaining("extends");
    assertThat(c).hadErrorContaining("uses type Missing");
    assertThat(c).hadErrorCount(2);
  }

  /** Writes {@code com.example.Order} in the first round, as a code generator would. */
  static final class OrderGenerator extends AbstractProcessor {
    private boolean written;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
      if (!written) {
        written = true;
        try (Writer out =
            processingEnv.getFiler().createSourceFile("com.example.Order").openWriter()) {
          out.write("package com.example;\npublic final class Order {}\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  @Test
  void aTypeGeneratedInALaterRoundIsWaitedFor() {
    JavaFileObject orders =
        source(
            "com.example.Orders",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "import java.util.List;",
            "@TokenRequired",
            "public interface Orders {",
            "  List<Order> list(@TokenSubject String user);",
            "}");
    Compilation c =
        TestCompiler.javac()
            .withProcessors(new OrderGenerator(), new ApoJwtProcessor())
            .compile(orders);
    assertThat(c).succeededWithoutWarnings();
    assertThat(TestCompiler.generatedSource(c, "com.example.GuardedOrders"))
        .contains("public List<Order> list(String user) {");
  }

  /**
   * A default body whose call takes an argument of a type from a later round. Before the type
   * exists javac already picks an overload (here the first, delete(char)), not the one it picks
   * once the type exists (delete(String)), so the call must be judged only then.
   */
  static JavaFileObject shopCallingWithALaterType(String stringRule, String charRule) {
    return source(
        "com.example.Shop",
        "package com.example;",
        "import dev.apojwt.annotation.*;",
        "@TokenRequired",
        "public interface Shop {",
        "  " + charRule + " void delete(char id);",
        "  " + stringRule + " void delete(String id);",
        "  default void deleteOne() {",
        "    delete(new Order().toString());",
        "  }",
        "}");
  }

  @Test
  void aDefaultBodyCallWithAnArgumentOfALaterRoundIsJudgedOnceItResolves() {
    String admin = "@PermissionRequired(\"orders:admin\")";
    JavaFileObject stricter = shopCallingWithALaterType(admin, "@TokenRequired");
    Compilation c =
        TestCompiler.javac()
            .withProcessors(new OrderGenerator(), new ApoJwtProcessor())
            .compile(stricter);
    assertThat(c).hadErrorCount(1);
    assertThat(c)
        .hadErrorContaining(
            "deleteOne() is a default method with @TokenRequired, but it calls delete(String),"
                + " which requires @PermissionRequired(\"orders:admin\")")
        .inFile(stricter)
        .onLineContaining("delete(new Order().toString());");

    // The overload it really calls is allowed: no error, and the guard is generated.
    JavaFileObject allowed = shopCallingWithALaterType("@TokenRequired", admin);
    Compilation ok =
        TestCompiler.javac()
            .withProcessors(new OrderGenerator(), new ApoJwtProcessor())
            .compile(allowed);
    assertThat(ok).succeededWithoutWarnings();
    assertThat(ok).generatedSourceFile("com.example.GuardedShop").isNotNull();
  }

  @Test
  void aDefaultBodyCallThatNeverResolvesGivesJavacsOwnErrorToo() {
    JavaFileObject shop =
        source(
            "com.example.Shop",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@TokenRequired",
            "public interface Shop {",
            "  @PermissionRequired(\"orders:admin\") void delete(String id);",
            "  default void deleteAll() {",
            "    delete();",
            "  }",
            "}");
    Compilation c = compile(shop);
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining("cannot be applied to given types")
        .inFile(shop)
        .onLineContaining("delete();");
    assertThat(c)
        .hadErrorContaining(
            "GuardedShop was not generated: Shop.deleteAll() uses a call to delete, which cannot"
                + " be resolved")
        .inFile(shop)
        .onLineContaining("public interface Shop");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void aSyntaxErrorElsewhereGivesOnlyJavacsError() {
    JavaFileObject orders =
        source(
            "com.example.Orders",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@TokenRequired",
            "public interface Orders { String get(); }");
    JavaFileObject garbage =
        source("com.example.Garbage", "package com.example;", "class Garbage { void x( }");
    Compilation c = compile(orders, garbage);
    assertThat(c).failed();
    for (Diagnostic<? extends JavaFileObject> error : c.errors()) {
      assertThat(error.getSource()).isEqualTo(garbage);
    }
  }

  @Test
  void annotationValuesJavacCannotAttributeGiveJavacsErrorsOnly() {
    JavaFileObject perms =
        source(
            "com.example.Perms",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@PermissionCatalog",
            "public interface Perms {",
            "  @Implies String A = \"a\";", // the required value is missing
            "  @Implies(42) String B = \"b\";", // not a String
            "}");
    JavaFileObject orders =
        source(
            "com.example.Orders",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "public interface Orders {",
            "  @PermissionRequired(value = 7) String one();",
            "}");
    Compilation c = compile(perms, orders);
    // javac stops before annotation processing for these; nothing of apojwt's shows.
    assertThat(c).hadErrorCount(3);
    assertThat(c).hadErrorContaining("is missing a default value").inFile(perms).onLine(5);
    assertThat(c).hadErrorContaining("incompatible types").inFile(perms).onLine(6);
    assertThat(c).hadErrorContaining("incompatible types").inFile(orders).onLine(4);
  }

  @Test
  void unresolvableNamesAndMisplacedAnnotationsGiveDiagnosticsOnly() {
    JavaFileObject perms =
        source(
            "com.example.Perms",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@PermissionCatalog",
            "public interface Perms {",
            "  @Implies(Nowhere.C) String C = \"c\";",
            "}");
    JavaFileObject orders =
        source(
            "com.example.Orders",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "public interface Orders {",
            "  @PermissionRequired(Nowhere.X) String two();",
            "  @TokenRequired String three(@TokenSubject Unknown user);",
            "  @TokenRequired String four(@BearerToken Unknown token);",
            "}");
    JavaFileObject impl =
        source(
            "com.example.Impl",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@TokenRequired",
            "class Impl {",
            "  @Refresh String renew(@RefreshData String data) { return data; }",
            "}");
    Compilation c = compile(perms, orders, impl);
    // Only diagnostics (a processor exception would have failed compile() itself), each on its
    // element: javac's for names it cannot resolve, apojwt's for misplaced annotations.
    assertThat(c).hadErrorContaining("cannot find symbol").inFile(perms).onLine(5);
    assertThat(c).hadErrorContaining("cannot find symbol").inFile(orders).onLine(4);
    assertThat(c).hadErrorContaining("cannot find symbol").inFile(orders).onLine(5);
    assertThat(c).hadErrorContaining("cannot find symbol").inFile(orders).onLine(6);
    assertThat(c)
        .hadErrorContaining("@TokenRequired is not allowed on class Impl")
        .inFile(impl)
        .onLine(3);
    assertThat(c)
        .hadErrorContaining("@Refresh is not allowed on a member of class Impl")
        .inFile(impl)
        .onLine(5);
    assertThat(c)
        .hadErrorContaining("@RefreshData is not allowed on a member of class Impl")
        .inFile(impl)
        .onLine(5);
    // Orders waited for Unknown in vain; with errors already reported, it adds none.
    assertThat(c).hadErrorCount(7);
  }

  @Test
  void anUnexpectedExceptionBecomesAnErrorOnThatInterfaceOnly() {
    JavaFileObject cursed =
        source(
            "com.example.Cursed",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@TokenRequired",
            "public interface Cursed { String get(); }");
    JavaFileObject fine =
        source(
            "com.example.Fine",
            "package com.example;",
            "import dev.apojwt.annotation.*;",
            "@TokenRequired",
            "public interface Fine { String get(); }");
    Compilation c = TestCompiler.javac().withProcessors(cursedProcessor()).compile(cursed, fine);
    assertThat(c).hadErrorCount(1);
    assertThat(c)
        .hadErrorContaining(
            "apojwt could not process this interface (java.lang.IllegalStateException: simulated"
                + " bug); please report it")
        .inFile(cursed)
        .onLineContaining("public interface Cursed");
    assertThat(
            TestCompiler.generatedSourceNames(
                List.of(System.getProperty("java.class.path")), cursedProcessor(), cursed, fine))
        .containsExactly("com.example.GuardedFine");
  }

  /** A processor with a bug that strikes interface Cursed. */
  private static ApoJwtProcessor cursedProcessor() {
    return new ApoJwtProcessor(
        handler -> {
          if (handler.getSimpleName().contentEquals("Cursed")) {
            throw new IllegalStateException("simulated bug");
          }
        });
  }
}
