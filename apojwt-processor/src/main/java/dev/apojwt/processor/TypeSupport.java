package dev.apojwt.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Types;

/** Type questions: signature strings and unresolvable types. */
final class TypeSupport {
  private TypeSupport() {}

  /**
   * The erasure of {@code type} as the signature string writes it: qualified (canonical) class
   * names, {@code []} for arrays, primitives by keyword.
   */
  static String erasedName(TypeMirror type, Types types) {
    TypeMirror erased = types.erasure(type);
    switch (erased.getKind()) {
      case DECLARED:
        return ((TypeElement) ((DeclaredType) erased).asElement()).getQualifiedName().toString();
      case ARRAY:
        return erasedName(((ArrayType) erased).getComponentType(), types) + "[]";
      case BOOLEAN:
      case BYTE:
      case SHORT:
      case INT:
      case LONG:
      case CHAR:
      case FLOAT:
      case DOUBLE:
        return erased.getKind().name().toLowerCase(Locale.ROOT);
      default:
        return erased.toString();
    }
  }

  /** {@code name(java.lang.String, int)}, the method as seen from its handler interface. */
  static String signature(String name, ExecutableType type, Types types) {
    List<String> parameters = new ArrayList<>();
    for (TypeMirror parameter : type.getParameterTypes()) {
      parameters.add(erasedName(parameter, types));
    }
    return name + "(" + String.join(", ", parameters) + ")";
  }

  /** Whether {@code type} is a declared type of the class or interface {@code qualifiedName}. */
  static boolean isNamed(TypeMirror type, String qualifiedName) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement())
            .getQualifiedName()
            .contentEquals(qualifiedName);
  }

  /** JLS 4.7, enough for a varargs element type: no type variables, no concrete type arguments. */
  static boolean isReifiable(TypeMirror type) {
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

  /** The first unresolvable (erroneous) type within {@code type}, or null. */
  static TypeMirror findError(TypeMirror type) {
    if (type == null) {
      return null;
    }
    switch (type.getKind()) {
      case ERROR:
        return type;
      case DECLARED:
        DeclaredType declared = (DeclaredType) type;
        TypeMirror found = findError(declared.getEnclosingType());
        for (TypeMirror argument : declared.getTypeArguments()) {
          found = found != null ? found : findError(argument);
        }
        return found;
      case ARRAY:
        return findError(((ArrayType) type).getComponentType());
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        TypeMirror bound = findError(wildcard.getExtendsBound());
        return bound != null ? bound : findError(wildcard.getSuperBound());
      case INTERSECTION:
        for (TypeMirror b : ((IntersectionType) type).getBounds()) {
          TypeMirror e = findError(b);
          if (e != null) {
            return e;
          }
        }
        return null;
      default:
        // Type variables are checked through their declarations' bounds (a bound may refer to
        // the variable itself, so following it here could loop).
        return null;
    }
  }

  /** The first unresolvable type among the bounds of {@code parameters}, or null. */
  static TypeMirror findErrorInBounds(List<? extends TypeParameterElement> parameters) {
    for (TypeParameterElement parameter : parameters) {
      for (TypeMirror bound : parameter.getBounds()) {
        TypeMirror e = findError(bound);
        if (e != null) {
          return e;
        }
      }
    }
    return null;
  }
}
