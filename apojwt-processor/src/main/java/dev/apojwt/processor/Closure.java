package dev.apojwt.processor;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The transitive closure of {@code @Implies}, the one place the processor computes it: for a
 * catalog's own hierarchy, and for the union of the catalogs a guard reads.
 *
 * <p>The runtime's {@code PermissionHierarchy} closes the hierarchy again when a guard is loaded
 * (it cannot call the processor, which is not on the run-time class path, and the processor cannot
 * call it, since the runtime need not be on the processor path). Both walk breadth first and give
 * the same sets in the same order; {@code ClosureTest} checks the two against each other.
 */
final class Closure {
  private Closure() {}

  /**
   * Each key of {@code direct}, in its order, with everything it reaches through {@code direct},
   * nearest first, without itself; a name that is no key reaches nothing further. Cycles end the
   * walk where they close.
   */
  static Map<String, List<String>> transitive(Map<String, ? extends Collection<String>> direct) {
    Map<String, List<String>> closed = new LinkedHashMap<>();
    for (Map.Entry<String, ? extends Collection<String>> entry : direct.entrySet()) {
      String start = entry.getKey();
      Set<String> reached = new LinkedHashSet<>();
      Deque<String> pending = new ArrayDeque<>(entry.getValue());
      while (!pending.isEmpty()) {
        String next = pending.removeFirst();
        if (!next.equals(start) && reached.add(next)) {
          Collection<String> further = direct.get(next);
          if (further != null) {
            pending.addAll(further);
          }
        }
      }
      closed.put(start, List.copyOf(reached));
    }
    return closed;
  }
}
