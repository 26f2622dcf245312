package dev.apojwt.processor;

import dev.apojwt.processor.AnnotationValues.Entry;
import dev.apojwt.processor.PermissionCatalogModel.Permission;
import dev.apojwt.processor.Reporter.Diagnostics;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Reads and checks one {@code @PermissionCatalog}: its String constants, their values, and the
 * {@code @Implies} graph (unknown names, cycles), resolved into each permission's transitive
 * closure.
 */
final class CatalogReader {
  private final Reporter reporter;

  CatalogReader(Reporter reporter) {
    this.reporter = reporter;
  }

  /** The catalog's model, or null when it cannot be a catalog at all (an enum, a local class). */
  PermissionCatalogModel read(TypeElement catalog, PermissionCatalogModel.Source source) {
    Diagnostics diagnostics = reporter.scope(catalog);
    AnnotationMirror annotation = ApoAnnotation.find(catalog, ApoAnnotation.PERMISSION_CATALOG);
    if (catalog.getKind() != ElementKind.CLASS && catalog.getKind() != ElementKind.INTERFACE) {
      diagnostics.report(
          catalog,
          annotation,
          Message.CATALOG_MISPLACED,
          ElementSupport.kindName(catalog),
          Describe.type(catalog));
      return null;
    }
    if (ElementSupport.isLocal(catalog)) {
      diagnostics.report(catalog, annotation, Message.CATALOG_NOT_MEMBER, catalog.getSimpleName());
      return null;
    }

    List<Permission> permissions = new ArrayList<>();
    Map<String, Permission> byName = new LinkedHashMap<>();
    for (VariableElement field : ElementFilter.fieldsIn(catalog.getEnclosedElements())) {
      AnnotationMirror implies = ApoAnnotation.find(field, ApoAnnotation.IMPLIES);
      if (!isPermissionField(field)) {
        if (implies != null) {
          diagnostics.report(field, implies, Message.IMPLIES_MISPLACED);
        }
        continue;
      }
      Object value = field.getConstantValue();
      if (!(value instanceof String)) {
        diagnostics.report(field, Message.CATALOG_NOT_CONSTANT, Describe.element(field));
        continue;
      }
      String name = (String) value;
      if (name.isBlank()) {
        diagnostics.report(field, Message.CATALOG_BLANK, Describe.element(field));
        continue;
      }
      if (!name.strip().equals(name)) {
        diagnostics.report(
            field, Message.CATALOG_PADDED, Describe.element(field), name, name.strip());
        continue;
      }
      Permission earlier = byName.get(name);
      if (earlier != null) {
        diagnostics.report(
            field,
            Message.CATALOG_DUPLICATE,
            Describe.element(field),
            name,
            Describe.element(earlier.field()));
        continue;
      }
      Permission permission = new Permission(name, field, new ArrayList<>());
      permissions.add(permission);
      byName.put(name, permission);
    }

    // @Implies: each name must be a permission of this catalog.
    for (Permission permission : permissions) {
      AnnotationMirror implies = ApoAnnotation.find(permission.field(), ApoAnnotation.IMPLIES);
      if (implies == null) {
        continue;
      }
      for (Entry entry : AnnotationValues.strings(implies, "value")) {
        if (entry.erroneous()) {
          diagnostics.failSilently(); // javac reports the value itself
          continue;
        }
        String implied = entry.string();
        if (byName.containsKey(implied)) {
          if (!permission.implies().contains(implied)) {
            permission.implies().add(implied);
          }
          continue;
        }
        String suggestion = Suggestion.closest(implied, byName.keySet());
        diagnostics.report(
            permission.field(),
            implies,
            entry.value(),
            Message.IMPLIES_UNKNOWN,
            implied,
            Describe.type(catalog),
            suggestion == null
                ? "declare it in the catalog, or fix the name"
                : "did you mean \"" + suggestion + "\"?");
      }
    }

    reportCycles(permissions, byName, diagnostics);

    Map<String, List<String>> direct = new LinkedHashMap<>();
    for (Permission permission : permissions) {
      direct.put(permission.name(), permission.implies());
    }
    Map<String, List<String>> closure = Closure.transitive(direct);
    List<Permission> frozen = new ArrayList<>();
    for (Permission p : permissions) {
      frozen.add(new Permission(p.name(), p.field(), List.copyOf(p.implies())));
    }
    return new PermissionCatalogModel(catalog, source, frozen, closure, !diagnostics.failed());
  }

  /** A static final String field: in an interface, every field is one. */
  static boolean isPermissionField(VariableElement field) {
    if (field.getKind() != ElementKind.FIELD
        || !ElementSupport.isStatic(field)
        || !field.getModifiers().contains(Modifier.FINAL)) {
      return false;
    }
    TypeMirror type = field.asType();
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement())
            .getQualifiedName()
            .contentEquals("java.lang.String");
  }

  /**
   * One error per strongly connected component of the {@code @Implies} graph that has a cycle,
   * naming a shortest cycle through its first-declared permission.
   */
  private static void reportCycles(
      List<Permission> permissions, Map<String, Permission> byName, Diagnostics diagnostics) {
    Map<String, Integer> component = components(permissions, byName);
    Set<Integer> reported = new LinkedHashSet<>();
    for (Permission permission : permissions) {
      int c = component.get(permission.name());
      if (reported.contains(c)) {
        continue;
      }
      List<String> cycle = shortestCycle(permission, byName, component);
      if (cycle == null) {
        continue;
      }
      reported.add(c);
      AnnotationMirror implies = ApoAnnotation.find(permission.field(), ApoAnnotation.IMPLIES);
      String next = cycle.get(1);
      Entry at = null;
      for (Entry entry : AnnotationValues.strings(implies, "value")) {
        if (next.equals(entry.string())) {
          at = entry;
          break;
        }
      }
      diagnostics.report(
          permission.field(),
          implies,
          at == null ? null : at.value(),
          Message.IMPLIES_CYCLE,
          String.join(" -> ", cycle));
    }
  }

  /**
   * The shortest path from {@code start} back to itself within its component, as names from start
   * to start; null when there is none.
   */
  private static List<String> shortestCycle(
      Permission start, Map<String, Permission> byName, Map<String, Integer> component) {
    int c = component.get(start.name());
    Map<String, String> parent = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>();
    queue.add(start.name());
    while (!queue.isEmpty()) {
      String current = queue.removeFirst();
      for (String next : byName.get(current).implies()) {
        if (component.get(next) != c) {
          continue;
        }
        if (next.equals(start.name())) {
          List<String> path = new ArrayList<>();
          for (String at = current; at != null; at = parent.get(at)) {
            path.add(0, at);
          }
          path.add(start.name());
          return path;
        }
        if (!parent.containsKey(next)) {
          parent.put(next, current);
          queue.addLast(next);
        }
      }
    }
    return null;
  }

  /** Tarjan's strongly connected components; returns each permission's component number. */
  private static Map<String, Integer> components(
      List<Permission> permissions, Map<String, Permission> byName) {
    Tarjan tarjan = new Tarjan(byName);
    for (Permission permission : permissions) {
      if (!tarjan.index.containsKey(permission.name())) {
        tarjan.visit(permission.name());
      }
    }
    return tarjan.component;
  }

  private static final class Tarjan {
    private final Map<String, Permission> byName;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> lowLink = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new LinkedHashSet<>();
    private final Map<String, Integer> component = new HashMap<>();
    private int counter;
    private int components;

    Tarjan(Map<String, Permission> byName) {
      this.byName = byName;
    }

    // Catalogs are small and hand-written; recursion depth is the length of an @Implies chain.
    void visit(String v) {
      index.put(v, counter);
      lowLink.put(v, counter);
      counter++;
      stack.push(v);
      onStack.add(v);
      for (String w : byName.get(v).implies()) {
        if (!index.containsKey(w)) {
          visit(w);
          lowLink.put(v, Math.min(lowLink.get(v), lowLink.get(w)));
        } else if (onStack.contains(w)) {
          lowLink.put(v, Math.min(lowLink.get(v), index.get(w)));
        }
      }
      if (lowLink.get(v).equals(index.get(v))) {
        String w;
        do {
          w = stack.pop();
          onStack.remove(w);
          component.put(w, components);
        } while (!w.equals(v));
        components++;
      }
    }
  }
}
