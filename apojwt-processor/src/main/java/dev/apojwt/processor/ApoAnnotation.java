package dev.apojwt.processor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/** The annotations of {@code dev.apojwt.annotation}, as this processor reads them. */
enum ApoAnnotation {
  TOKEN_REQUIRED("TokenRequired", Category.RULE),
  PERMISSION_REQUIRED("PermissionRequired", Category.RULE),
  REFRESH("Refresh", Category.RULE),
  PUBLIC("Public", Category.RULE),
  TOKEN_SUBJECT("TokenSubject", Category.INJECTION),
  TOKEN_DATA("TokenData", Category.INJECTION),
  TOKEN_PERMISSIONS("TokenPermissions", Category.INJECTION),
  REFRESH_DATA("RefreshData", Category.INJECTION),
  BEARER_TOKEN("BearerToken", Category.BEARER),
  PERMISSION_CATALOG("PermissionCatalog", Category.CATALOG),
  IMPLIES("Implies", Category.CATALOG);

  enum Category {
    /** An access rule: on a handler method, or on a handler interface as the default. */
    RULE,
    /** A parameter the guard fills in. */
    INJECTION,
    /** The parameter that carries the token. */
    BEARER,
    /** The permission catalog and its {@code @Implies}. */
    CATALOG
  }

  static final String PACKAGE = "dev.apojwt.annotation";

  final String qualifiedName;

  /** How messages name it, e.g. {@code @TokenRequired}. */
  final String display;

  final Category category;

  ApoAnnotation(String simpleName, Category category) {
    this.qualifiedName = PACKAGE + "." + simpleName;
    this.display = "@" + simpleName;
    this.category = category;
  }

  static Set<String> qualifiedNames() {
    Set<String> names = new LinkedHashSet<>();
    for (ApoAnnotation a : values()) {
      names.add(a.qualifiedName);
    }
    return names;
  }

  /**
   * What each annotation type seen so far is ({@link Optional#empty()}: not ours). Every check asks
   * this of every annotation, and a javac name costs a new String each time it is read. Keys are
   * javac's elements, weakly held so that a finished compilation leaves nothing behind (a build
   * daemon runs many); synchronized, since a daemon may run compilations in parallel.
   */
  private static final Map<Element, Optional<ApoAnnotation>> KNOWN =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** The apojwt annotation {@code mirror} is, or null when it is another annotation. */
  static ApoAnnotation of(AnnotationMirror mirror) {
    Element type = mirror.getAnnotationType().asElement();
    if (!(type instanceof TypeElement)) {
      return null;
    }
    return KNOWN
        .computeIfAbsent(type, t -> Optional.ofNullable(named((TypeElement) t)))
        .orElse(null);
  }

  private static ApoAnnotation named(TypeElement type) {
    String name = type.getQualifiedName().toString();
    if (!name.startsWith(PACKAGE + ".")) {
      return null;
    }
    for (ApoAnnotation a : values()) {
      if (a.qualifiedName.equals(name)) {
        return a;
      }
    }
    return null;
  }

  /** The mirror of {@code annotation} on {@code element}, or null. */
  static AnnotationMirror find(Element element, ApoAnnotation annotation) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (of(mirror) == annotation) {
        return mirror;
      }
    }
    return null;
  }

  /** Every apojwt annotation of {@code categories} on {@code element}, in source order. */
  static List<AnnotationMirror> onElement(Element element, Set<Category> categories) {
    List<AnnotationMirror> found = List.of();
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      ApoAnnotation a = of(mirror);
      if (a != null && categories.contains(a.category)) {
        if (found.isEmpty()) {
          found = new ArrayList<>(2);
        }
        found.add(mirror);
      }
    }
    return found;
  }

  private static final Set<Category> RULES = EnumSet.of(Category.RULE);
  private static final Set<Category> HANDLER_ANNOTATIONS =
      EnumSet.of(Category.RULE, Category.INJECTION, Category.BEARER);

  static List<AnnotationMirror> rules(Element element) {
    return onElement(element, RULES);
  }

  static List<AnnotationMirror> handlerAnnotations(Element element) {
    return onElement(element, HANDLER_ANNOTATIONS);
  }
}
