package dev.apojwt.processor;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;

/** How messages name elements and types: short, the way a developer writes them. */
final class Describe {
  private Describe() {}

  static String element(Element element) {
    if (element instanceof TypeElement) {
      return type((TypeElement) element);
    }
    if (element instanceof ExecutableElement) {
      return method((ExecutableElement) element);
    }
    if (element instanceof VariableElement) {
      Element owner = element.getEnclosingElement();
      if (owner instanceof ExecutableElement) {
        return "parameter " + element.getSimpleName() + " of " + method((ExecutableElement) owner);
      }
      if (owner instanceof TypeElement) {
        return type((TypeElement) owner) + "." + element.getSimpleName();
      }
    }
    return element.getSimpleName().toString();
  }

  /** {@code Outer.Inner}: the type's name within its package. */
  static String type(TypeElement type) {
    String qualified = type.getQualifiedName().toString();
    if (qualified.isEmpty()) {
      return type.getSimpleName().toString(); // local, or nested in a local class
    }
    String pkg = packageOf(type);
    return pkg.isEmpty() ? qualified : qualified.substring(pkg.length() + 1);
  }

  static String packageOf(TypeElement type) {
    Element e = type;
    while (e.getEnclosingElement() != null && e.getEnclosingElement() instanceof TypeElement) {
      e = e.getEnclosingElement();
    }
    String top = ((TypeElement) e).getQualifiedName().toString();
    int dot = top.lastIndexOf('.');
    return dot < 0 ? "" : top.substring(0, dot);
  }

  /** {@code Orders.get(String, int)}. */
  static String method(ExecutableElement method) {
    Element owner = method.getEnclosingElement();
    String prefix = owner instanceof TypeElement ? type((TypeElement) owner) + "." : "";
    return prefix + signature(method);
  }

  /** {@code get(String, int)}: the method without its type. */
  static String signature(ExecutableElement method) {
    List<String> parameters = new ArrayList<>();
    for (VariableElement parameter : method.getParameters()) {
      parameters.add(type(parameter.asType()));
    }
    return method.getSimpleName() + "(" + String.join(", ", parameters) + ")";
  }

  /** A type with simple class names: {@code Map<String, Object>}, {@code String[]}. */
  static String type(TypeMirror type) {
    switch (type.getKind()) {
      case DECLARED:
        DeclaredType declared = (DeclaredType) type;
        StringBuilder s = new StringBuilder(declared.asElement().getSimpleName());
        if (!declared.getTypeArguments().isEmpty()) {
          List<String> arguments = new ArrayList<>();
          for (TypeMirror argument : declared.getTypeArguments()) {
            arguments.add(type(argument));
          }
          s.append('<').append(String.join(", ", arguments)).append('>');
        }
        return s.toString();
      case ARRAY:
        return type(((ArrayType) type).getComponentType()) + "[]";
      case TYPEVAR:
        return ((TypeVariable) type).asElement().getSimpleName().toString();
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        if (wildcard.getExtendsBound() != null) {
          return "? extends " + type(wildcard.getExtendsBound());
        }
        if (wildcard.getSuperBound() != null) {
          return "? super " + type(wildcard.getSuperBound());
        }
        return "?";
      default:
        return type.toString();
    }
  }
}
