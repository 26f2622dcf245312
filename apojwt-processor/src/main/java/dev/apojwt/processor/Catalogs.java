package dev.apojwt.processor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The permission universe of this compilation: every catalog found so far (in the sources, and
 * those named with {@code -Aapojwt.catalog}).
 */
final class Catalogs {
  private final Map<String, PermissionCatalogModel> catalogs = new LinkedHashMap<>();

  /** {@link #implied} of each combination of catalogs asked for (models are immutable). */
  private final Map<List<PermissionCatalogModel>, Map<String, List<String>>> implied =
      new HashMap<>();

  void add(PermissionCatalogModel catalog) {
    catalogs.put(catalog.qualifiedName(), catalog);
  }

  boolean contains(String qualifiedName) {
    return catalogs.containsKey(qualifiedName);
  }

  /** With no catalog, permission names are not checked against one. */
  boolean isEmpty() {
    return catalogs.isEmpty();
  }

  boolean declares(String permission) {
    for (PermissionCatalogModel catalog : catalogs.values()) {
      if (catalog.declares(permission)) {
        return true;
      }
    }
    return false;
  }

  /** The closest known permission to a misspelled {@code name}, or null. */
  String suggestionFor(String name) {
    Set<String> all = new LinkedHashSet<>();
    for (PermissionCatalogModel catalog : catalogs.values()) {
      all.addAll(catalog.names());
    }
    return Suggestion.closest(name, all);
  }

  /** The catalogs' names for messages: "com.example.Perms, com.example.Billing". */
  String describe() {
    return String.join(", ", catalogs.keySet());
  }

  /**
   * What each permission implies, transitively, in the hierarchy that a guard reading {@code read}
   * combines (implications may chain across catalogs, as {@code PermissionHierarchy.combine}
   * resolves them).
   */
  Map<String, List<String>> implied(List<PermissionCatalogModel> read) {
    // Handlers mostly read the same few catalogs: each combination is closed once.
    return implied.computeIfAbsent(List.copyOf(read), Catalogs::combined);
  }

  private static Map<String, List<String>> combined(List<PermissionCatalogModel> read) {
    List<Map<String, List<String>>> closures = new ArrayList<>(read.size());
    for (PermissionCatalogModel catalog : read) {
      closures.add(catalog.closure);
    }
    return combine(closures);
  }

  /**
   * The union of several catalogs' closed hierarchies, closed again: implications may chain across
   * catalogs, as the runtime's {@code PermissionHierarchy.combine} resolves them.
   */
  static Map<String, List<String>> combine(List<Map<String, List<String>>> closures) {
    if (closures.size() == 1) {
      return closures.get(0); // closed already
    }
    Map<String, Set<String>> direct = new LinkedHashMap<>();
    for (Map<String, List<String>> closure : closures) {
      closure.forEach(
          (permission, implied) ->
              direct.computeIfAbsent(permission, p -> new LinkedHashSet<>()).addAll(implied));
    }
    return Closure.transitive(direct);
  }

  /**
   * The catalogs that declare any of {@code permissions}, by qualified name: what a guard that
   * checks them must read.
   */
  List<PermissionCatalogModel> declaring(Collection<String> permissions) {
    List<PermissionCatalogModel> found = new ArrayList<>();
    for (PermissionCatalogModel catalog : catalogs.values()) {
      for (String permission : permissions) {
        if (catalog.declares(permission)) {
          found.add(catalog);
          break;
        }
      }
    }
    found.sort(Comparator.comparing(PermissionCatalogModel::qualifiedName));
    return found;
  }
}
