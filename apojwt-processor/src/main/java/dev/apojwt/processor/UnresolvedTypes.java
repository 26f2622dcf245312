package dev.apojwt.processor;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * The first type in a handler interface's signatures that cannot be resolved (yet: another
 * processor may generate it in a later round), so that the interface waits rather than getting a
 * guard that does not compile.
 */
final class UnresolvedTypes {
  private UnresolvedTypes() {}

  /** Where and what cannot be resolved: {@code Orders.get()} uses {@code type Missing}. */
  record Unresolved(String where, String what) {}

  /**
   * The first unresolvable type in the type parameters of {@code handler}, the superinterfaces of
   * its {@code interfaces}, and the signatures of its member {@code methods}; or null.
   */
  static Unresolved firstIn(
      TypeElement handler, List<TypeElement> interfaces, List<ExecutableElement> methods) {
    TypeMirror error = TypeSupport.findErrorInBounds(handler.getTypeParameters());
    if (error != null) {
      return new Unresolved(Describe.type(handler), "type " + error);
    }
    for (TypeElement type : interfaces) {
      for (TypeMirror superinterface : type.getInterfaces()) {
        error = TypeSupport.findError(superinterface);
        if (error != null) {
          return new Unresolved(Describe.type(type), "type " + error);
        }
      }
    }
    for (ExecutableElement method : methods) {
      if (!ElementSupport.isInterface(method.getEnclosingElement())) {
        continue;
      }
      error = TypeSupport.findError(method.getReturnType());
      for (VariableElement parameter : method.getParameters()) {
        error = error != null ? error : TypeSupport.findError(parameter.asType());
      }
      for (TypeMirror thrown : method.getThrownTypes()) {
        error = error != null ? error : TypeSupport.findError(thrown);
      }
      error = error != null ? error : TypeSupport.findErrorInBounds(method.getTypeParameters());
      if (error != null) {
        return new Unresolved(Describe.method(method), "type " + error);
      }
    }
    return null;
  }
}
