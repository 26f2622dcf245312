package dev.apojwt.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import dev.apojwt.processor.HandlerModel.Async;
import dev.apojwt.processor.HandlerModel.MethodModel;
import dev.apojwt.processor.HandlerModel.Overload;
import dev.apojwt.processor.HandlerModel.Parameter;
import dev.apojwt.processor.HandlerModel.Varargs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes one guarded method: its signature as the interface declares it, the check ({@code
 * jwt.authorize(RULE, arguments)}, a failed future for async methods), then the call of the
 * delegate with the injected values. And its overload without the injected parameters, which calls
 * the guarded method with null for them.
 */
final class GuardMethodWriter {
  private static final ClassName COMPLETABLE_FUTURE =
      ClassName.get("java.util.concurrent", "CompletableFuture");
  static final AnnotationSpec UNCHECKED =
      AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build();

  private static final CodeBlock NULL = CodeBlock.of("null");

  private final MethodModel method;

  /** The parameters' names: the guard's fields and locals must not be shadowed by them. */
  private final Set<String> parameterNames = new HashSet<>();

  GuardMethodWriter(MethodModel method) {
    this.method = method;
    for (Parameter parameter : method.parameters()) {
      parameterNames.add(parameter.name());
    }
  }

  /** {@code @Override public R name(params) { check; return delegate.name(arguments); }}. */
  MethodSpec guarded(String constant) {
    MethodSpec.Builder spec = signature(method.parameters(), true);
    String delegate = parameterNames.contains("delegate") ? "this.delegate" : "delegate";
    String jwt = parameterNames.contains("jwt") ? "this.jwt" : "jwt";
    String token = fresh("token");
    String refresh = fresh("refresh");
    if (method.rule().kind() != Rule.Kind.PUBLIC) {
      addCheck(spec, constant, jwt, token, refresh);
    }
    return returning(spec, call(delegate + ".", forwardedArguments(token, refresh))).build();
  }

  /**
   * {@code public R name(params without the injected ones) { return name(..., null, ...); }}: the
   * guarded method fills in what it is passed null for.
   */
  MethodSpec overload() {
    List<Parameter> kept = new ArrayList<>();
    List<CodeBlock> arguments = new ArrayList<>();
    List<String> filledIn = new ArrayList<>();
    List<TypeName> erased = new ArrayList<>();
    for (Parameter parameter : method.parameters()) {
      if (parameter.injection().isFilledIn()) {
        arguments.add(
            method.overload() == Overload.TYPED_NULLS
                ? CodeBlock.of("($T) null", parameter.typeName())
                : NULL);
        filledIn.add("{@code " + parameter.name() + "}");
      } else {
        kept.add(parameter);
        arguments.add(CodeBlock.of("$L", parameter.name()));
      }
      erased.add(erasure(parameter.typeName()));
    }
    // The guarded method on the guard itself; this.<T>name(...) for a generic one.
    String receiver = method.typeVariables().isEmpty() ? "" : "this.";
    MethodSpec.Builder spec =
        signature(kept, false)
            .addJavadoc(
                "{@link #$L($L)} without the parameters the guard fills in:\n$L.\n",
                method.name(),
                CodeBlock.join(typeReferences(erased), ", "),
                String.join(", ", filledIn));
    return returning(
            spec, CodeBlock.of("$L($L)", callee(receiver), CodeBlock.join(arguments, ", ")))
        .build();
  }

  // ------------------------------------------------------------------ the parts

  /**
   * {@code public <T> R name(params) throws E}, with the interface method's type variables, varargs
   * and deprecation, declaring {@code parameters}; {@code @Override} when it implements the
   * interface's method.
   */
  private MethodSpec.Builder signature(List<Parameter> parameters, boolean override) {
    MethodSpec.Builder spec = MethodSpec.methodBuilder(method.name());
    if (override) {
      spec.addAnnotation(Override.class);
    }
    spec.addModifiers(Modifier.PUBLIC)
        .returns(method.returnType() == null ? TypeName.VOID : method.returnType());
    if (method.deprecated()) {
      spec.addAnnotation(Deprecated.class);
    }
    spec.addTypeVariables(method.typeVariables());
    for (Parameter parameter : parameters) {
      spec.addParameter(ParameterSpec.builder(parameter.typeName(), parameter.name()).build());
    }
    // The varargs parameter is never injected, so it is the last of every overload too.
    if (method.varargs() != Varargs.NONE) {
      spec.varargs(true);
      if (method.varargs() == Varargs.NOT_REIFIABLE) {
        // The guard only passes the array on; the warning belongs to the interface.
        spec.addAnnotation(UNCHECKED);
      }
    }
    spec.addExceptions(method.thrownTypes());
    return spec;
  }

  /**
   * {@code jwt.authorize(RULE, new Object[] {arguments})}, keeping the verified token when a
   * parameter needs it; for an async method, a refusal returns a failed stage or future.
   */
  private void addCheck(
      MethodSpec.Builder spec, String constant, String jwt, String token, String refresh) {
    boolean isRefresh = method.rule().kind() == Rule.Kind.REFRESH;
    boolean keep = isRefresh ? method.injectsRefreshToken() : method.injectsAccessToken();
    ClassName verifiedType =
        isRefresh ? RuntimeNames.VERIFIED_REFRESH : RuntimeNames.VERIFIED_TOKEN;
    String local = isRefresh ? refresh : token;
    List<String> passed = new ArrayList<>(method.parameters().size());
    for (Parameter parameter : method.parameters()) {
      passed.add(parameter.name());
    }
    // Plain text where JavaPoet has nothing to resolve: it splits every piece it emits into lines.
    CodeBlock check =
        CodeBlock.of(
            "$L$T[] {$L})",
            jwt + (isRefresh ? ".authorizeRefresh(" : ".authorize(") + constant + ", new ",
            Object.class,
            String.join(", ", passed));
    if (method.async() == Async.NONE) {
      if (keep) {
        spec.addStatement("$T $N = $L", verifiedType, local, check);
      } else {
        spec.addStatement("$L", check);
      }
      return;
    }
    String exception = fresh("e");
    if (keep) {
      spec.addStatement("$T $N", verifiedType, local);
    }
    spec.beginControlFlow("try");
    if (keep) {
      spec.addStatement("$N = $L", local, check);
    } else {
      spec.addStatement("$L", check);
    }
    spec.nextControlFlow("catch ($T $N)", RuntimeException.class, exception);
    spec.addStatement(
        "return $T.$L($N)",
        COMPLETABLE_FUTURE,
        method.async() == Async.COMPLETION_STAGE ? "failedStage" : "failedFuture",
        exception);
    spec.endControlFlow();
  }

  /** What the delegate gets: each argument, or the injected value in its place. */
  private List<String> forwardedArguments(String token, String refresh) {
    List<String> forwarded = new ArrayList<>(method.parameters().size());
    for (Parameter parameter : method.parameters()) {
      Injection injection = parameter.injection();
      if (!injection.isFilledIn()) {
        forwarded.add(parameter.name());
      } else {
        String source = injection.fromRefreshToken() ? refresh : token;
        forwarded.add(injection.accessor.isEmpty() ? source : source + "." + injection.accessor);
      }
    }
    return forwarded;
  }

  /** {@code delegate.name(arguments)}, with explicit type arguments for a generic method. */
  private String call(String receiver, List<String> arguments) {
    return callee(receiver) + "(" + String.join(", ", arguments) + ")";
  }

  /** {@code delegate.name} or {@code delegate.<T, U>name}. */
  private String callee(String receiver) {
    List<TypeVariableName> variables = method.typeVariables();
    if (variables.isEmpty()) {
      return receiver + method.name();
    }
    StringBuilder callee = new StringBuilder(receiver).append('<');
    for (int i = 0; i < variables.size(); i++) {
      callee.append(i == 0 ? "" : ", ").append(variables.get(i).name());
    }
    return callee.append('>').append(method.name()).toString();
  }

  /** {@code return call;}, or {@code call;} for a void method. */
  private MethodSpec.Builder returning(MethodSpec.Builder spec, Object call) {
    if (method.returnType() == null) {
      return spec.addStatement("$L", call);
    }
    return spec.addStatement("return $L", call);
  }

  /** A local variable name that no parameter has. */
  private String fresh(String base) {
    String name = base;
    for (int i = 2; parameterNames.contains(name); i++) {
      name = base + i;
    }
    return name;
  }

  /** How a javadoc link names a parameter type: its erasure. */
  private static TypeName erasure(TypeName type) {
    if (type instanceof ParameterizedTypeName) {
      return ((ParameterizedTypeName) type).rawType();
    }
    if (type instanceof ArrayTypeName) {
      return ArrayTypeName.of(erasure(((ArrayTypeName) type).componentType()));
    }
    if (type instanceof TypeVariableName) {
      List<TypeName> bounds = ((TypeVariableName) type).bounds();
      return bounds.isEmpty() ? ClassName.OBJECT : erasure(bounds.get(0));
    }
    return type;
  }

  private static List<CodeBlock> typeReferences(List<TypeName> types) {
    List<CodeBlock> references = new ArrayList<>(types.size());
    for (TypeName type : types) {
      references.add(CodeBlock.of("$T", type));
    }
    return references;
  }
}
