package dev.apojwt.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.apojwt.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import dev.apojwt.AccessRule;
import dev.apojwt.AccessTable;
import dev.apojwt.PermissionHierarchy;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The processor's {@link Rule.Kind} is kept by hand in step with the runtime's {@code
 * AccessRule.Kind} (the processor cannot use runtime code at compile time): these fail when the two
 * diverge, by name, by order, by the builder method that declares each, or in what a generated
 * guard's access table says.
 */
class RuleKindTest {

  @Test
  void theKindsAreTheRuntimesByNameAndOrder() {
    List<String> processor = new ArrayList<>();
    for (Rule.Kind kind : Rule.Kind.values()) {
      processor.add(kind.name());
    }
    List<String> runtime = new ArrayList<>();
    for (AccessRule.Kind kind : AccessRule.Kind.values()) {
      runtime.add(kind.name());
    }
    assertThat(processor).containsExactlyElementsIn(runtime).inOrder();
  }

  @Test
  void eachKindsBuilderMethodExists() throws Exception {
    Class<?> builder =
        AccessRule.class.getMethod("forMethod", String.class, String.class).getReturnType();
    for (Rule.Kind kind : Rule.Kind.values()) {
      Method method =
          kind == Rule.Kind.ALL_OF || kind == Rule.Kind.ANY_OF
              ? builder.getMethod(kind.builderMethod, PermissionHierarchy.class, String[].class)
              : builder.getMethod(kind.builderMethod);
      assertWithMessage("%s.%s", builder.getName(), kind.builderMethod)
          .that(method.getReturnType())
          .isEqualTo(AccessRule.class);
    }
  }

  @Test
  void aGeneratedGuardsTableHasTheKindOfEachRule() throws Throwable {
    Compilation compilation =
        TestCompiler.compile(
            source(
                "com.example.Kinds",
                "package com.example;",
                "import dev.apojwt.annotation.*;",
                "public interface Kinds {",
                "  @Public String open();",
                "  @TokenRequired String token();",
                "  @PermissionRequired(\"a\") String allOf();",
                "  @PermissionRequired(anyOf = {\"a\", \"b\"}) String anyOf();",
                "  @Refresh String refresh();",
                "}"));
    assertThat(compilation).succeeded();
    AccessTable table =
        GuardHandle.accessTable(
            new TestCompiler.MemoryClassLoader(TestCompiler.classes(compilation)),
            "com.example.Kinds");
    List<String> kinds = new ArrayList<>();
    for (AccessRule rule : table.rules()) {
      kinds.add(rule.kind().name());
    }
    List<String> expected = new ArrayList<>();
    for (Rule.Kind kind : Rule.Kind.values()) {
      expected.add(kind.name());
    }
    assertThat(kinds).containsExactlyElementsIn(expected).inOrder();
  }
}
