package dev.apojwt.processor;

import dev.apojwt.processor.Reporter.Diagnostics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Compile error 8: an interface whose guardable methods use injection annotations but that declares
 * no access rule at all was clearly meant as a handler interface, yet gets no guard (the user would
 * only see "cannot find symbol GuardedX"). It is fine as a base of handler interfaces, whose guards
 * fill those parameters in, so each one is reported only at the end of the compilation, unless a
 * handler interface of the compilation extends it.
 */
final class InjectionsWithoutRule {
  /** Each such interface by qualified name, with the first injection annotation it uses. */
  private final Map<String, String> candidates = new LinkedHashMap<>();

  /**
   * Remembers the interfaces of this round's injection annotations ({@code annotated}) that are no
   * handler interfaces ({@code isHandler}, by qualified name).
   */
  void collect(Map<ApoAnnotation, Set<Element>> annotated, Predicate<String> isHandler) {
    for (Map.Entry<ApoAnnotation, Set<Element>> entry : annotated.entrySet()) {
      ApoAnnotation annotation = entry.getKey();
      if (annotation.category != ApoAnnotation.Category.INJECTION
          && annotation.category != ApoAnnotation.Category.BEARER) {
        continue;
      }
      for (Element parameter : entry.getValue()) {
        if (!(parameter.getEnclosingElement() instanceof ExecutableElement)) {
          continue;
        }
        ExecutableElement method = (ExecutableElement) parameter.getEnclosingElement();
        Element owner = method.getEnclosingElement();
        if (!ElementSupport.isInterface(owner) || !ElementSupport.isGuardable(method)) {
          continue; // PlacementChecker reports these
        }
        String name = ((TypeElement) owner).getQualifiedName().toString();
        if (!name.isEmpty() && !isHandler.test(name)) {
          candidates.putIfAbsent(name, annotation.display);
        }
      }
    }
  }

  /** Whether any interface is still waiting for a handler interface that extends it. */
  boolean anyPending() {
    return !candidates.isEmpty();
  }

  /** The {@code interfaces} of a handler interface (itself included) are guarded by its guard. */
  void guardedBy(List<TypeElement> interfaces) {
    for (TypeElement type : interfaces) {
      candidates.remove(type.getQualifiedName().toString());
    }
  }

  /** At the end of the compilation: an error on each interface no handler interface extends. */
  void report(Elements elements, Diagnostics diagnostics) {
    for (Map.Entry<String, String> entry : candidates.entrySet()) {
      TypeElement type = elements.getTypeElement(entry.getKey());
      if (type != null) {
        diagnostics.report(
            type,
            Message.INJECTION_WITHOUT_RULE,
            Describe.type(type),
            entry.getValue(),
            HandlerModel.guardNameOf(type).simpleName());
      }
    }
    candidates.clear();
  }
}
