package dev.apojwt.processor;

import dev.apojwt.processor.Reporter.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * What the guard passes for each parameter of a handler method, and whether the method's rule lets
 * it: the right type for each injection, one injection per parameter, none on a {@code @Public}
 * method, refresh-token values only on {@code @Refresh} methods and access-token values never
 * there, at most one {@code @BearerToken}, a {@code String} (compile error 7).
 */
final class InjectionValidator {
  private static final String VERIFIED_TOKEN = "dev.apojwt.VerifiedToken";
  private static final String VERIFIED_REFRESH = "dev.apojwt.VerifiedRefresh";

  private final Types types;
  private final TypeMirror stringType;
  private final TypeMirror stringObjectMap;
  private final TypeMirror stringSet;

  /** The runtime's types, null when the runtime is missing (then no parameter can have them). */
  private final TypeElement verifiedToken;

  private final TypeElement verifiedRefresh;

  InjectionValidator(Elements elements, Types types) {
    this.types = types;
    TypeElement string = elements.getTypeElement("java.lang.String");
    this.stringType = string.asType();
    TypeMirror objectType = elements.getTypeElement("java.lang.Object").asType();
    this.stringObjectMap =
        types.getDeclaredType(elements.getTypeElement("java.util.Map"), stringType, objectType);
    this.stringSet = types.getDeclaredType(elements.getTypeElement("java.util.Set"), stringType);
    this.verifiedToken = elements.getTypeElement(VERIFIED_TOKEN);
    this.verifiedRefresh = elements.getTypeElement(VERIFIED_REFRESH);
  }

  /**
   * What the guard passes for each parameter of {@code method}, whose type as a member of the
   * handler is {@code type}, under {@code rule} (null when the rule is broken: then only the
   * rule-independent checks run). Null when any is wrong (reported).
   */
  List<Injection> injections(
      ExecutableElement method, ExecutableType type, Rule rule, Diagnostics diagnostics) {
    List<Injection> injections = new ArrayList<>();
    boolean ok = true;
    boolean bearerSeen = false;
    // Parameter types as seen from the handler: Base<M>'s M may be Map<String, Object> here.
    List<? extends TypeMirror> parameterTypes = type.getParameterTypes();
    List<? extends VariableElement> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      VariableElement parameter = parameters.get(i);
      Annotations annotations = Annotations.of(parameter);
      Injection injection =
          injection(parameter, annotations, parameterTypes.get(i), rule, method, diagnostics);
      if (annotations.bearer != null) {
        if (bearerSeen) {
          diagnostics.report(
              parameter, annotations.bearer, Message.TWO_BEARER_TOKENS, Describe.method(method));
          injection = null;
        }
        bearerSeen = true;
      }
      ok &= injection != null;
      injections.add(injection);
    }
    return ok ? injections : null;
  }

  /**
   * Whether member {@code i} of {@code group}, override-equivalent methods inherited together,
   * injects the same parameters as the first ({@code injections} in the group's order); reports
   * when not.
   */
  boolean agree(
      TypeElement handler,
      MethodGroup group,
      List<List<Injection>> injections,
      int i,
      Diagnostics diagnostics) {
    if (injections.get(i).equals(injections.get(0))) {
      return true;
    }
    ExecutableElement first = group.members().get(0);
    diagnostics.report(
        handler,
        Message.CONFLICTING_PARAMETERS,
        Describe.method(first),
        Describe.type(ElementSupport.enclosingType(first)),
        Describe.type(ElementSupport.enclosingType(group.members().get(i))),
        Describe.type(handler));
    return false;
  }

  /** The apojwt annotations of one parameter. */
  private record Annotations(List<AnnotationMirror> injections, AnnotationMirror bearer) {
    static Annotations of(VariableElement parameter) {
      List<AnnotationMirror> injections = List.of();
      AnnotationMirror bearer = null;
      for (AnnotationMirror mirror : parameter.getAnnotationMirrors()) {
        ApoAnnotation a = ApoAnnotation.of(mirror);
        if (a == ApoAnnotation.BEARER_TOKEN) {
          bearer = bearer == null ? mirror : bearer;
        } else if (a != null && a.category == ApoAnnotation.Category.INJECTION) {
          if (injections.isEmpty()) {
            injections = new ArrayList<>(2);
          }
          injections.add(mirror);
        }
      }
      return new Annotations(injections, bearer);
    }
  }

  /** One parameter's injection, or null when it is wrong (reported). */
  private Injection injection(
      VariableElement parameter,
      Annotations annotations,
      TypeMirror type,
      Rule rule,
      ExecutableElement method,
      Diagnostics diagnostics) {
    List<AnnotationMirror> found = annotations.injections;
    String name = parameter.getSimpleName().toString();
    Rule.Kind kind = rule == null ? null : rule.kind();
    if (found.size() > 1) {
      diagnostics.report(
          parameter,
          found.get(1),
          Message.TWO_INJECTIONS,
          name,
          ApoAnnotation.of(found.get(0)).display,
          ApoAnnotation.of(found.get(1)).display);
      return null;
    }
    if (annotations.bearer != null) {
      return bearer(parameter, annotations.bearer, found, type, kind, method, diagnostics);
    }
    if (found.size() == 1) {
      return annotated(parameter, found.get(0), type, kind, method, diagnostics);
    }
    Element typeElement = type.getKind() == TypeKind.DECLARED ? types.asElement(type) : null;
    if (typeElement != null && is(typeElement, verifiedToken, VERIFIED_TOKEN)) {
      String what = "VerifiedToken parameter " + name;
      if (kind == Rule.Kind.PUBLIC) {
        diagnostics.report(parameter, Message.INJECTION_ON_PUBLIC, what, Describe.method(method));
        return null;
      }
      if (kind == Rule.Kind.REFRESH) {
        diagnostics.report(
            parameter, Message.ACCESS_INJECTION_ON_REFRESH, what, Describe.method(method));
        return null;
      }
      return Injection.VERIFIED_TOKEN;
    }
    if (typeElement != null && is(typeElement, verifiedRefresh, VERIFIED_REFRESH)) {
      String what = "VerifiedRefresh parameter " + name;
      if (kind == Rule.Kind.PUBLIC) {
        diagnostics.report(parameter, Message.INJECTION_ON_PUBLIC, what, Describe.method(method));
        return null;
      }
      if (kind != null && kind != Rule.Kind.REFRESH) {
        diagnostics.report(parameter, Message.REFRESH_ONLY, what, Describe.method(method));
        return null;
      }
      return Injection.VERIFIED_REFRESH;
    }
    return Injection.NONE;
  }

  /** A {@code @BearerToken} parameter: passed on unchanged, so it must be a plain String. */
  private Injection bearer(
      VariableElement parameter,
      AnnotationMirror bearer,
      List<AnnotationMirror> injections,
      TypeMirror type,
      Rule.Kind kind,
      ExecutableElement method,
      Diagnostics diagnostics) {
    String name = parameter.getSimpleName().toString();
    if (!injections.isEmpty()) {
      String other = ApoAnnotation.of(injections.get(0)).display;
      diagnostics.report(parameter, injections.get(0), Message.BEARER_WITH_INJECTION, name, other);
      return null;
    }
    if (kind == Rule.Kind.PUBLIC) {
      diagnostics.report(
          parameter, bearer, Message.INJECTION_ON_PUBLIC, "@BearerToken", Describe.method(method));
      return null;
    }
    if (type.getKind() == TypeKind.ERROR || !types.isSameType(type, stringType)) {
      diagnostics.report(parameter, bearer, Message.BEARER_NOT_STRING, name, Describe.type(type));
      return null;
    }
    return Injection.BEARER;
  }

  /** A parameter with one injection annotation: its type must accept what the guard passes. */
  private Injection annotated(
      VariableElement parameter,
      AnnotationMirror mirror,
      TypeMirror type,
      Rule.Kind kind,
      ExecutableElement method,
      Diagnostics diagnostics) {
    ApoAnnotation a = ApoAnnotation.of(mirror);
    Injection injection;
    TypeMirror provided;
    switch (a) {
      case TOKEN_SUBJECT:
        injection = Injection.SUBJECT;
        provided = stringType;
        break;
      case TOKEN_DATA:
        injection = Injection.DATA;
        provided = stringObjectMap;
        break;
      case TOKEN_PERMISSIONS:
        injection = Injection.PERMISSIONS;
        provided = stringSet;
        break;
      default:
        injection = Injection.REFRESH_DATA;
        provided = stringObjectMap;
    }
    boolean ok = true;
    if (kind == Rule.Kind.PUBLIC) {
      diagnostics.report(
          parameter, mirror, Message.INJECTION_ON_PUBLIC, a.display, Describe.method(method));
      ok = false;
    } else if (injection.fromRefreshToken() && kind != null && kind != Rule.Kind.REFRESH) {
      diagnostics.report(
          parameter, mirror, Message.REFRESH_ONLY, a.display, Describe.method(method));
      ok = false;
    } else if (injection.fromAccessToken() && kind == Rule.Kind.REFRESH) {
      diagnostics.report(
          parameter,
          mirror,
          Message.ACCESS_INJECTION_ON_REFRESH,
          a.display,
          Describe.method(method));
      ok = false;
    }
    if (!types.isAssignable(provided, type)) {
      diagnostics.report(
          parameter,
          mirror,
          Message.INJECTION_WRONG_TYPE,
          a.display,
          Describe.type(provided),
          parameter.getSimpleName(),
          Describe.type(type));
      ok = false;
    }
    return ok ? injection : null;
  }

  /** Whether {@code element} is the runtime's {@code expected} (by name when it is missing). */
  private static boolean is(Element element, TypeElement expected, String qualifiedName) {
    if (expected != null) {
      return element.equals(expected);
    }
    return element instanceof TypeElement
        && ((TypeElement) element).getQualifiedName().contentEquals(qualifiedName);
  }
}
