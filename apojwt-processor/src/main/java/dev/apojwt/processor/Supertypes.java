package dev.apojwt.processor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/** The one walk over an interface's superinterfaces that every check and the model share. */
final class Supertypes {
  private Supertypes() {}

  /**
   * {@code type} and every interface it extends, directly or not, each once, depth first in
   * declaration order: the type, its first superinterface and that one's, then the next. This is
   * the order in which a guard lists its methods.
   */
  static List<TypeElement> interfaces(TypeElement type, Types types) {
    List<TypeElement> ordered = new ArrayList<>();
    collect(type, types, ordered, new HashSet<>());
    return List.copyOf(ordered);
  }

  private static void collect(
      TypeElement type, Types types, List<TypeElement> ordered, Set<TypeElement> visited) {
    if (!visited.add(type)) {
      return;
    }
    ordered.add(type);
    for (TypeMirror superinterface : type.getInterfaces()) {
      Element element = types.asElement(superinterface);
      if (element instanceof TypeElement && ElementSupport.isInterface(element)) {
        collect((TypeElement) element, types, ordered, visited);
      }
    }
  }
}
