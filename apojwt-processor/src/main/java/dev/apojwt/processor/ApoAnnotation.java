package dev.apojwt.processor;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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

  /** The apojwt annotation {@code mirror} is, or null when it is another annotation. */
  static ApoAnnotation of(AnnotationMirror mirror) {
    Element type = mirror.getAnnotationType().asElement();
    if (!(type instanceof TypeElement)) {
      return null;
    }
    String name = ((TypeElement) type).getQualifiedName().toString();
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
    List<AnnotationMirror> found = new ArrayList<>();
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      ApoAnnotation a = of(mirror);
      if (a != null && categories.contains(a.category)) {
        found.add(mirror);
      }
    }
    return found;
  }

  static List<AnnotationMirror> rules(Element element) {
    return onElement(element, EnumSet.of(Category.RULE));
  }

  static List<AnnotationMirror> handlerAnnotations(Element element) {
    return onElement(element, EnumSet.of(Category.RULE, Category.INJECTION, Category.BEARER));
  }
}
