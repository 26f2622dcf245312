package dev.apojwt.processor;

import com.palantir.javapoet.ClassName;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/** One {@code @PermissionCatalog}: its permissions and what each implies, transitively. */
final class PermissionCatalogModel {

  /** Where guards get this catalog's hierarchy from. */
  enum Source {
    /** In this compilation: its {@code <Catalog>Hierarchy} class is generated here. */
    GENERATED,
    /** From a library that carries its generated {@code <Catalog>Hierarchy} class. */
    LIBRARY_HIERARCHY,
    /** From a library without the hierarchy class: guards inline it. */
    INLINE
  }

  /** One permission constant. */
  record Permission(String name, VariableElement field, List<String> implies) {}

  final TypeElement catalog;
  final Source source;

  /** The catalog itself, as generated code names it. */
  final ClassName catalogClass;

  /** {@code PermsHierarchy}, beside the catalog. */
  final ClassName hierarchyClass;

  /** Declaration order. */
  final List<Permission> permissions;

  /** Each permission's implied permissions, transitively, nearest first, without itself. */
  final Map<String, List<String>> closure;

  /** False when the catalog had an error: then nothing that reads it is generated. */
  final boolean valid;

  PermissionCatalogModel(
      TypeElement catalog,
      Source source,
      List<Permission> permissions,
      Map<String, List<String>> closure,
      boolean valid) {
    this.catalog = catalog;
    this.source = source;
    this.catalogClass = ClassName.get(catalog);
    this.hierarchyClass = hierarchyClassOf(catalog);
    this.permissions = List.copyOf(permissions);
    this.closure = Collections.unmodifiableMap(new LinkedHashMap<>(closure));
    this.valid = valid;
  }

  String qualifiedName() {
    return catalog.getQualifiedName().toString();
  }

  boolean declares(String permission) {
    return closure.containsKey(permission);
  }

  Set<String> names() {
    return closure.keySet();
  }

  /** {@code com.example.PermsHierarchy}; {@code Outer.Perms} gives {@code Outer_PermsHierarchy}. */
  static ClassName hierarchyClassOf(TypeElement catalog) {
    ClassName name = ClassName.get(catalog);
    return ClassName.get(name.packageName(), String.join("_", name.simpleNames()) + "Hierarchy");
  }
}
