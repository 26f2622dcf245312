package dev.apojwt.processor;

import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Small questions about elements that the validators ask. */
final class ElementSupport {
  private ElementSupport() {}

  /** The top-level type that contains {@code element}, or null (a package or module). */
  static TypeElement outermostType(Element element) {
    TypeElement top = null;
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      if (e instanceof TypeElement) {
        top = (TypeElement) e;
      }
      if (e.getKind() == ElementKind.PACKAGE || e.getKind() == ElementKind.MODULE) {
        break;
      }
    }
    return top;
  }

  /** The innermost type that encloses {@code element} (not counting itself), or null. */
  static TypeElement enclosingType(Element element) {
    for (Element e = element.getEnclosingElement(); e != null; e = e.getEnclosingElement()) {
      if (e instanceof TypeElement) {
        return (TypeElement) e;
      }
    }
    return null;
  }

  /** An interface proper: not an annotation type (which is an interface to javac too). */
  static boolean isInterface(Element element) {
    return element.getKind() == ElementKind.INTERFACE;
  }

  /** A class, enum, record or annotation type: any type apojwt does not guard. */
  static boolean isNonInterfaceType(Element element) {
    return element instanceof TypeElement && !isInterface(element);
  }

  /** How a message names the kind of a type: "class", "enum", "record", "annotation type". */
  static String kindName(Element type) {
    switch (type.getKind()) {
      case ENUM:
        return "enum";
      case ANNOTATION_TYPE:
        return "annotation type";
      case INTERFACE:
        return "interface";
      case CLASS:
        return "class";
      case RECORD:
        return "record";
      default:
        return type.getKind().toString().toLowerCase(Locale.ROOT);
    }
  }

  /** Whether the type is local or anonymous (it has no canonical name). */
  static boolean isLocal(TypeElement type) {
    NestingKind nesting = type.getNestingKind();
    return nesting == NestingKind.LOCAL || nesting == NestingKind.ANONYMOUS;
  }

  /**
   * Whether {@code method} has the signature of one of Object's public non-final methods that an
   * interface may redeclare: equals(Object), hashCode(), toString().
   */
  static boolean isObjectMethod(ExecutableElement method) {
    String name = method.getSimpleName().toString();
    List<? extends VariableElement> parameters = method.getParameters();
    switch (name) {
      case "hashCode":
      case "toString":
        return parameters.isEmpty();
      case "equals":
        if (parameters.size() != 1) {
          return false;
        }
        TypeMirror type = parameters.get(0).asType();
        return type.getKind() == TypeKind.DECLARED
            && ((TypeElement) ((DeclaredType) type).asElement())
                .getQualifiedName()
                .contentEquals("java.lang.Object");
      default:
        return false;
    }
  }

  /**
   * Whether an interface's {@code method} is one a guard implements and checks: neither static, nor
   * private, nor one of Object's methods.
   */
  static boolean isGuardable(ExecutableElement method) {
    return !isStatic(method) && !isPrivate(method) && !isObjectMethod(method);
  }

  static boolean isStatic(Element element) {
    return element.getModifiers().contains(Modifier.STATIC);
  }

  static boolean isPrivate(Element element) {
    return element.getModifiers().contains(Modifier.PRIVATE);
  }
}
