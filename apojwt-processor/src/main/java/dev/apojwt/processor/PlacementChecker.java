package dev.apojwt.processor;

import dev.apojwt.processor.Reporter.Diagnostics;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * Where apojwt annotations may stand. Access rules and injections belong on handler interfaces,
 * their guardable methods and those methods' parameters; anywhere else they would protect nothing,
 * so each is an error on the annotation.
 */
final class PlacementChecker {
  private final Reporter reporter;

  PlacementChecker(Reporter reporter) {
    this.reporter = reporter;
  }

  /** Checks an element that javac found carrying an apojwt annotation. */
  void check(Element element) {
    Diagnostics diagnostics = reporter.scope(element);
    if (element instanceof TypeElement) {
      if (ElementSupport.isNonInterfaceType(element)) {
        for (AnnotationMirror mirror : ApoAnnotation.handlerAnnotations(element)) {
          diagnostics.report(
              element,
              mirror,
              Message.ON_NON_INTERFACE,
              ApoAnnotation.of(mirror).display,
              ElementSupport.kindName(element),
              Describe.type((TypeElement) element));
        }
      }
    } else if (element instanceof ExecutableElement) {
      checkMember((ExecutableElement) element, element, diagnostics);
    } else if (element instanceof VariableElement
        && element.getEnclosingElement() instanceof ExecutableElement) {
      checkMember((ExecutableElement) element.getEnclosingElement(), element, diagnostics);
    } else if (element instanceof VariableElement) {
      checkImplies((VariableElement) element, diagnostics);
    }
  }

  /**
   * The annotations of {@code annotated} (the method itself or one of its parameters) must not be
   * on a member of a class, enum or record, nor on a method that is never guarded.
   */
  private void checkMember(ExecutableElement method, Element annotated, Diagnostics diagnostics) {
    TypeElement owner = ElementSupport.enclosingType(method);
    if (owner == null) {
      return;
    }
    List<AnnotationMirror> mirrors = ApoAnnotation.handlerAnnotations(annotated);
    if (ElementSupport.isNonInterfaceType(owner)) {
      for (AnnotationMirror mirror : mirrors) {
        diagnostics.report(
            annotated,
            mirror,
            Message.ON_MEMBER_OF_NON_INTERFACE,
            ApoAnnotation.of(mirror).display,
            ElementSupport.kindName(owner),
            Describe.type(owner));
      }
      return;
    }
    Message problem = unguardedMethodProblem(method);
    if (problem != null) {
      for (AnnotationMirror mirror : mirrors) {
        diagnostics.report(
            annotated, mirror, problem, ApoAnnotation.of(mirror).display, Describe.method(method));
      }
    }
  }

  /**
   * Checks the interface method {@code method} and its parameters for annotations on a method that
   * is never guarded (static, private, equals/hashCode/toString).
   */
  void checkInterfaceMethod(ExecutableElement method, Diagnostics diagnostics) {
    if (unguardedMethodProblem(method) == null) {
      return;
    }
    checkMember(method, method, diagnostics);
    for (VariableElement parameter : method.getParameters()) {
      checkMember(method, parameter, diagnostics);
    }
  }

  private static Message unguardedMethodProblem(ExecutableElement method) {
    if (ElementSupport.isStatic(method)) {
      return Message.ON_STATIC_METHOD;
    }
    if (ElementSupport.isPrivate(method)) {
      return Message.ON_PRIVATE_METHOD;
    }
    if (ElementSupport.isObjectMethod(method)) {
      return Message.ON_OBJECT_METHOD;
    }
    return null;
  }

  /** {@code @Implies} outside a catalog; inside one, {@link CatalogReader} checks it. */
  private static void checkImplies(VariableElement field, Diagnostics diagnostics) {
    AnnotationMirror implies = ApoAnnotation.find(field, ApoAnnotation.IMPLIES);
    TypeElement owner = ElementSupport.enclosingType(field);
    if (implies != null
        && (owner == null || ApoAnnotation.find(owner, ApoAnnotation.PERMISSION_CATALOG) == null)) {
      diagnostics.report(field, implies, Message.IMPLIES_MISPLACED);
    }
  }

  /** Whether a sealed interface lists its guard (which javac may not have seen yet). */
  private static boolean permitsGuard(TypeElement handler) {
    String guard = HandlerModel.guardNameOf(handler).simpleName();
    for (TypeMirror permitted : handler.getPermittedSubclasses()) {
      String name = permitted.toString();
      if (name.equals(guard) || name.endsWith("." + guard)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A guard must be able to implement the handler interface: it may not be private, local, nested
   * in a private or local type, or sealed without permitting the guard.
   */
  static void checkAccessible(TypeElement handler, Diagnostics diagnostics) {
    List<AnnotationMirror> rules = ApoAnnotation.rules(handler);
    AnnotationMirror at = rules.isEmpty() ? null : rules.get(0);
    String name = Describe.type(handler);
    if (ElementSupport.isLocal(handler)) {
      diagnostics.report(handler, at, Message.LOCAL_INTERFACE, name);
      return;
    }
    if (ElementSupport.isPrivate(handler)) {
      diagnostics.report(handler, at, Message.PRIVATE_INTERFACE, name);
      return;
    }
    if (handler.getModifiers().contains(Modifier.SEALED) && !permitsGuard(handler)) {
      String guard = HandlerModel.guardNameOf(handler).simpleName();
      diagnostics.report(handler, at, Message.SEALED_INTERFACE, name, guard);
      return;
    }
    for (TypeElement outer = ElementSupport.enclosingType(handler);
        outer != null;
        outer = ElementSupport.enclosingType(outer)) {
      if (ElementSupport.isLocal(outer)) {
        diagnostics.report(handler, at, Message.LOCAL_INTERFACE, name);
        return;
      }
      if (ElementSupport.isPrivate(outer)) {
        String outerName = Describe.type(outer);
        diagnostics.report(handler, at, Message.INTERFACE_IN_PRIVATE_TYPE, name, outerName);
        return;
      }
    }
  }
}
