package dev.apojwt.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;

/**
 * A valid handler interface, ready for {@link GuardWriter}: everything the guard says, so that the
 * writer asks javac nothing but how to name a type.
 */
record HandlerModel(
    TypeElement handler,
    ClassName guardName,
    List<MethodModel> methods,
    List<PermissionCatalogModel> catalogs,
    List<Element> originatingElements,
    boolean deprecated) {

  /** The qualified (canonical) name that AccessRule and AccessTable carry. */
  String handlerName() {
    return handler.getQualifiedName().toString();
  }

  boolean checksPermissions() {
    for (MethodModel method : methods) {
      if (method.rule().checksPermissions()) {
        return true;
      }
    }
    return false;
  }

  /** {@code GuardedOrders}; a nested {@code Outer.Inner} gives {@code GuardedOuter_Inner}. */
  static ClassName guardNameOf(TypeElement handler) {
    ClassName name = ClassName.get(handler);
    return ClassName.get(name.packageName(), "Guarded" + String.join("_", name.simpleNames()));
  }

  /** How a guarded method returns a refused call. */
  enum Async {
    /** It throws. */
    NONE,
    /** {@code CompletableFuture.failedStage(e)}. */
    COMPLETION_STAGE,
    /** {@code CompletableFuture.failedFuture(e)}. */
    COMPLETABLE_FUTURE;

    /** Exactly {@code CompletionStage} or {@code CompletableFuture}: the processor sees it. */
    static Async of(TypeMirror returnType) {
      if (TypeSupport.isNamed(returnType, "java.util.concurrent.CompletionStage")) {
        return COMPLETION_STAGE;
      }
      if (TypeSupport.isNamed(returnType, "java.util.concurrent.CompletableFuture")) {
        return COMPLETABLE_FUTURE;
      }
      return NONE;
    }
  }

  /**
   * Whether the guard also has a public overload of a method without its injected parameters, so
   * that callers need not pass null for them.
   */
  enum Overload {
    /** No injected parameter, or the overload would clash with another method (noted). */
    NONE,
    /** It calls the method with {@code null} for each injected parameter. */
    NULLS,
    /** The same with typed nulls: another method has the method's name and number of parameters. */
    TYPED_NULLS
  }

  /** One parameter, as the guard passes it on. */
  record Parameter(String name, TypeMirror type, Injection injection) {}

  /** One guarded method. */
  record MethodModel(
      ExecutableElement method,
      ExecutableType type,
      String signature,
      Rule rule,
      List<Parameter> parameters,
      int bearerIndex,
      Async async,
      List<TypeMirror> thrownTypes,
      boolean deprecated,
      Overload overload) {

    String name() {
      return method.getSimpleName().toString();
    }

    MethodModel withOverload(Overload overload) {
      return new MethodModel(
          method,
          type,
          signature,
          rule,
          parameters,
          bearerIndex,
          async,
          thrownTypes,
          deprecated,
          overload);
    }

    boolean injectsAccessToken() {
      for (Parameter p : parameters) {
        if (p.injection().fromAccessToken()) {
          return true;
        }
      }
      return false;
    }

    boolean injectsRefreshToken() {
      for (Parameter p : parameters) {
        if (p.injection().fromRefreshToken()) {
          return true;
        }
      }
      return false;
    }

    /** Whether the guard fills in any parameter (so that callers pass null for it). */
    boolean injectsAny() {
      for (Parameter p : parameters) {
        if (p.injection().isFilledIn()) {
          return true;
        }
      }
      return false;
    }
  }
}
