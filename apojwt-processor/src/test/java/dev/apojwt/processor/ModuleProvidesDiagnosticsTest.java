package dev.apojwt.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.apojwt.processor.TestCompiler.source;

import com.fasterxml.jackson.core.JsonFactory;
import dev.apojwt.ApoJwt;
import dev.apojwt.annotation.TokenRequired;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A handler in a named module: ServiceLoader reads the module's {@code provides}, not {@code
 * META-INF/services}, so a module that does not provide a guard factory gets a note with the
 * directive to add; one that does compiles cleanly, the generated factory its provider.
 */
class ModuleProvidesDiagnosticsTest {
  static final JavaFileObject ORDERS =
      source(
          "com.example.Orders",
          "package com.example;",
          "import dev.apojwt.annotation.*;",
          "@TokenRequired",
          "public interface Orders { String list(); }");

  static JavaFileObject moduleInfo(String... directives) {
    String[] lines = new String[directives.length + 4];
    lines[0] = "module com.example {";
    lines[1] = "  requires dev.apojwt;";
    lines[2] = "  requires static dev.apojwt.annotation;";
    System.arraycopy(directives, 0, lines, 3, directives.length);
    lines[lines.length - 1] = "}";
    return source("module-info", lines);
  }

  static DirectoryCompiler.Result compile(Path out, JavaFileObject moduleInfo) {
    String modulePath =
        DirectoryCompiler.path(
            List.of(
                TestCompiler.locationOf(ApoJwt.class),
                TestCompiler.locationOf(TokenRequired.class),
                TestCompiler.locationOf(JsonFactory.class)));
    return DirectoryCompiler.compileWithOptions(
        out, List.of("--module-path", modulePath), UnaryOperator.identity(), moduleInfo, ORDERS);
  }

  @Test
  void aNamedModuleThatDoesNotProvideTheFactoryGetsANoteWithTheDirective(@TempDir Path out) {
    DirectoryCompiler.Result result = compile(out, moduleInfo());
    assertThat(result.success()).isTrue();
    assertThat(result.messages(Diagnostic.Kind.WARNING)).isEmpty();
    List<Diagnostic<? extends JavaFileObject>> notes =
        result.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.NOTE).toList();
    assertThat(notes).hasSize(1);
    Diagnostic<? extends JavaFileObject> note = notes.get(0);
    assertThat(note.getMessage(null))
        .isEqualTo(
            "com.example.Orders is in module com.example, whose ServiceLoader ignores"
                + " META-INF/services, so frameworks (the Spring Boot starter) cannot find its guard"
                + " factory: add \"provides dev.apojwt.GuardFactory with"
                + " com.example.GuardedOrders.Factory;\" to the module's module-info.java (one"
                + " provides lists every factory, separated by commas)");
    assertThat(note.getSource().getName()).endsWith("Orders.java");
    assertThat(note.getLineNumber()).isEqualTo(4);
  }

  @Test
  void aNamedModuleThatProvidesTheFactoryCompilesCleanly(@TempDir Path out) throws IOException {
    DirectoryCompiler.Result result =
        compile(
            out,
            moduleInfo(
                "  provides dev.apojwt.GuardFactory with com.example.GuardedOrders.Factory;"));
    assertWithMessage("%s", result.diagnostics()).that(result.success()).isTrue();
    assertThat(result.diagnostics()).isEmpty(); // no note, no warning
    ModuleDescriptor descriptor;
    try (InputStream in = Files.newInputStream(out.resolve("module-info.class"))) {
      descriptor = ModuleDescriptor.read(in);
    }
    assertThat(descriptor.provides()).hasSize(1);
    ModuleDescriptor.Provides provides = descriptor.provides().iterator().next();
    assertThat(provides.service()).isEqualTo("dev.apojwt.GuardFactory");
    assertThat(provides.providers()).containsExactly("com.example.GuardedOrders$Factory");
  }
}
