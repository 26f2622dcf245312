package dev.apojwt.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * A valid handler interface, ready for {@link GuardWriter}: everything the guard says, in
 * JavaPoet's names, so that the writer asks javac nothing (it may run on another thread). The
 * elements it keeps are for diagnostics and the Filer, on javac's thread.
 *
 * @param handlerName the qualified (canonical) name that AccessRule and AccessTable carry
 * @param typeVariables the handler's type parameters, which the guard declares too
 * @param nestedTypeNames the simple names of the types nested in the handler and its
 *     superinterfaces, which the guard must always qualify (they would hide same-named imports)
 */
record HandlerModel(
    String handlerName,
    ClassName handlerClass,
    List<TypeVariableName> typeVariables,
    Set<String> nestedTypeNames,
    ClassName guardName,
    List<MethodModel> methods,
    List<PermissionCatalogModel> catalogs,
    List<Element> originatingElements,
    boolean deprecated) {

  /**
   * The handler as the guard implements it: {@code Orders}, or {@code Repo<T>} for a generic one.
   */
  TypeName handlerType() {
    return typeVariables.isEmpty()
        ? handlerClass
        : ParameterizedTypeName.get(handlerClass, typeVariables.toArray(new TypeName[0]));
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

  /**
   * {@code GuardedOrders.Factory}: nested in the guard, so that it can never clash with another
   * top-level name (a separate {@code GuardedOrdersFactory} would be the guard of a handler named
   * {@code OrdersFactory}), and no extra file is compiled per handler. A handler with a type
   * parameter named {@code Factory} ({@code Repo<Factory>}) gets {@code Factory_}: inside the guard
   * a member class of that name would hide the type parameter.
   */
  ClassName factoryName() {
    String name = "Factory";
    while (hasTypeVariable(name)) {
      name += "_";
    }
    return guardName.nestedClass(name);
  }

  private boolean hasTypeVariable(String name) {
    for (TypeVariableName variable : typeVariables) {
      if (variable.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** {@code com.example.GuardedOrders$Factory}: how ServiceLoader's files name the factory. */
  static String binaryName(ClassName name) {
    String simple = String.join("$", name.simpleNames());
    return name.packageName().isEmpty() ? simple : name.packageName() + "." + simple;
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

  /** Whether a method is varargs, and whether the guard then suppresses the interface's warning. */
  enum Varargs {
    NONE,
    /** The element type is reifiable: no warning to suppress. */
    REIFIABLE,
    /** {@code T...}: the guard only passes the array on; the warning belongs to the interface. */
    NOT_REIFIABLE
  }

  /**
   * One parameter, as the guard passes it on; {@code type} as javac sees it (for diagnostics),
   * {@code typeName} as the guard declares it.
   */
  record Parameter(String name, TypeMirror type, TypeName typeName, Injection injection) {}

  /**
   * One guarded method. {@code method} is for diagnostics; the guard's code comes from the rest.
   *
   * @param returnType {@code null} for a void method
   */
  record MethodModel(
      ExecutableElement method,
      String name,
      String signature,
      Rule rule,
      List<Parameter> parameters,
      int bearerIndex,
      Async async,
      TypeName returnType,
      List<TypeVariableName> typeVariables,
      Varargs varargs,
      List<TypeName> thrownTypes,
      boolean deprecated,
      Overload overload) {

    MethodModel withOverload(Overload overload) {
      return new MethodModel(
          method,
          name,
          signature,
          rule,
          parameters,
          bearerIndex,
          async,
          returnType,
          typeVariables,
          varargs,
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
