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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;

/**
 * Writes one guarded method: its signature as the interface declares it, the check ({@code
 * jwt.authorize(RULE, arguments)}, a failed future for async methods), then the call of the
 * delegate with the injected values. And its overload without the injected parameters, which calls
 * the guarded method with null for them.
 */
final class GuardMethodWriter {
  private static final ClassName COMPLETABLE_FUTURE =
      ClassName.get("java.util.concurrent", "CompletableFuture");
  private static final AnnotationSpec UNCHECKED =
      AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build();

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
    CodeBlock call = delegateCall(delegate, forwardedArguments(token, refresh));
    return returning(spec, call).build();
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
                ? CodeBlock.of("($T) null", TypeName.get(parameter.type()))
                : CodeBlock.of("null"));
        filledIn.add("{@code " + parameter.name() + "}");
      } else {
        kept.add(parameter);
        arguments.add(CodeBlock.of("$N", parameter.name()));
      }
      erased.add(erasure(TypeName.get(parameter.type())));
    }
    MethodSpec.Builder spec =
        signature(kept, false)
            .addJavadoc(
                "{@link #$L($L)} without the parameters the guard fills in:\n$L.\n",
                method.name(),
                CodeBlock.join(typeReferences(erased), ", "),
                String.join(", ", filledIn));
    return returning(spec, selfCall(arguments)).build();
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
    spec.addModifiers(Modifier.PUBLIC).returns(TypeName.get(method.type().getReturnType()));
    if (method.deprecated()) {
      spec.addAnnotation(Deprecated.class);
    }
    for (TypeVariable variable : method.type().getTypeVariables()) {
      spec.addTypeVariable(typeVariable(variable));
    }
    for (Parameter parameter : parameters) {
      spec.addParameter(
          ParameterSpec.builder(TypeName.get(parameter.type()), parameter.name()).build());
    }
    // The varargs parameter is never injected, so it is the last of every overload too.
    if (method.method().isVarArgs()) {
      spec.varargs(true);
      TypeMirror last = parameters.get(parameters.size() - 1).type();
      if (!isReifiable(((ArrayType) last).getComponentType())) {
        // The guard only passes the array on; the warning belongs to the interface.
        spec.addAnnotation(UNCHECKED);
      }
    }
    for (TypeMirror thrown : method.thrownTypes()) {
      spec.addException(TypeName.get(thrown));
    }
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
    List<CodeBlock> passed = new ArrayList<>(method.parameters().size());
    for (Parameter parameter : method.parameters()) {
      passed.add(CodeBlock.of("$N", parameter.name()));
    }
    CodeBlock check =
        CodeBlock.of(
            "$L.$L($N, new $T[] {$L})",
            jwt,
            isRefresh ? "authorizeRefresh" : "authorize",
            constant,
            Object.class,
            CodeBlock.join(passed, ", "));
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
  private List<CodeBlock> forwardedArguments(String token, String refresh) {
    List<CodeBlock> forwarded = new ArrayList<>(method.parameters().size());
    for (Parameter parameter : method.parameters()) {
      Injection injection = parameter.injection();
      if (!injection.isFilledIn()) {
        forwarded.add(CodeBlock.of("$N", parameter.name()));
      } else {
        String source = injection.fromRefreshToken() ? refresh : token;
        forwarded.add(
            injection.accessor.isEmpty()
                ? CodeBlock.of("$N", source)
                : CodeBlock.of("$N.$L", source, injection.accessor));
      }
    }
    return forwarded;
  }

  /** {@code delegate.name(arguments)}, with explicit type arguments for a generic method. */
  private CodeBlock delegateCall(String delegate, List<CodeBlock> arguments) {
    return call(CodeBlock.of("$L.", delegate), arguments);
  }

  /** {@code name(arguments)} on the guard itself ({@code this.<T>name(...)} when generic). */
  private CodeBlock selfCall(List<CodeBlock> arguments) {
    return call(
        method.type().getTypeVariables().isEmpty() ? CodeBlock.of("") : CodeBlock.of("this."),
        arguments);
  }

  private CodeBlock call(CodeBlock receiver, List<CodeBlock> arguments) {
    List<? extends TypeVariable> variables = method.type().getTypeVariables();
    if (variables.isEmpty()) {
      return CodeBlock.of("$L$N($L)", receiver, method.name(), CodeBlock.join(arguments, ", "));
    }
    List<CodeBlock> typeArguments = new ArrayList<>(variables.size());
    for (TypeVariable variable : variables) {
      typeArguments.add(CodeBlock.of("$L", variable.asElement().getSimpleName()));
    }
    return CodeBlock.of(
        "$L<$L>$N($L)",
        receiver,
        CodeBlock.join(typeArguments, ", "),
        method.name(),
        CodeBlock.join(arguments, ", "));
  }

  /** {@code return call;}, or {@code call;} for a void method. */
  private MethodSpec.Builder returning(MethodSpec.Builder spec, CodeBlock call) {
    if (method.type().getReturnType().getKind() == TypeKind.VOID) {
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

  /** A method type variable as seen from the handler interface, with its bounds. */
  private static TypeVariableName typeVariable(TypeVariable variable) {
    List<TypeName> bounds = new ArrayList<>();
    TypeMirror upper = variable.getUpperBound();
    if (upper.getKind() == TypeKind.INTERSECTION) {
      for (TypeMirror bound : ((IntersectionType) upper).getBounds()) {
        bounds.add(TypeName.get(bound));
      }
    } else if (upper.getKind() != TypeKind.NULL) {
      bounds.add(TypeName.get(upper));
    }
    bounds.remove(ClassName.OBJECT);
    return TypeVariableName.get(
        variable.asElement().getSimpleName().toString(), bounds.toArray(new TypeName[0]));
  }

  /** JLS 4.7, enough for a varargs element type: no type variables, no concrete type arguments. */
  private static boolean isReifiable(TypeMirror type) {
    switch (type.getKind()) {
      case TYPEVAR:
        return false;
      case ARRAY:
        return isReifiable(((ArrayType) type).getComponentType());
      case DECLARED:
        for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
          if (argument.getKind() != TypeKind.WILDCARD
              || ((WildcardType) argument).getExtendsBound() != null
              || ((WildcardType) argument).getSuperBound() != null) {
            return false;
          }
        }
        TypeMirror enclosing = ((DeclaredType) type).getEnclosingType();
        return enclosing.getKind() != TypeKind.DECLARED || isReifiable(enclosing);
      default:
        return true;
    }
  }
}
