package dev.apojwt.processor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
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
