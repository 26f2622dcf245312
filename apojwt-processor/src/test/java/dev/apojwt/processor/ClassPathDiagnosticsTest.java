package dev.apojwt.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.apojwt.processor.DiagnosticAssertions.assertError;
import static dev.apojwt.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.apojwt.annotation.TokenRequired;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the class path brings: problems in superinterfaces from class files, reported on the handler
 * interface; a missing apojwt-runtime.
 */
class ClassPathDiagnosticsTest {
  @Test
  void aProblemInALibrarySuperinterfaceIsReportedOnTheHandler(@TempDir Path jar) throws Exception {
    JavaFileObject base =
        source(
            "com.lib.Base",
            "package com.lib;",
            "import dev.apojwt.annotation.*;",
            "public interface Base {",
            "  String who(@TokenSubject int user);",
            "}");
    // A library built without the processor (with it, an interface that injects but declares no
    // rule is an error of its own: InjectionWithoutRule).
    Compilation library =
        Compiler.javac().withOptions(TestCompiler.LINT, "-proc:none").compile(base);
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
