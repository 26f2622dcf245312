package dev.apojwt.processor;

import dev.apojwt.processor.Reporter.Diagnostics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Which access rule each method of one handler interface gets: its own; else the default of the
 * interface that declares it; else the handler's default (compile error 1 when there is none). A
 * method redeclared without a rule must get the rule of every method it overrides, through any
 * number of levels and superinterfaces (a diamond may bring several); override-equivalent methods
 * inherited together must agree. Reading a rule checks that an element has at most one (error 2);
 * {@link PermissionRequiredValidator} reads {@code @PermissionRequired}'s contents.
 */
final class RuleResolver {

  /** A rule as read from one element. */
  record RuleRead(Rule rule, State state) {
    enum State {
      /** No rule on the element. */
      NONE,
      /** A valid rule. */
      FOUND,
      /** A broken rule; the problem is reported. */
      BROKEN,
      /**
       * A rule with a value javac could not attribute yet (it reports that itself, or resolves).
       */
      UNRESOLVED_VALUE
    }

    static final RuleRead NONE = new RuleRead(null, State.NONE);
    static final RuleRead BROKEN = new RuleRead(null, State.BROKEN);
    static final RuleRead UNRESOLVED_VALUE = new RuleRead(null, State.UNRESOLVED_VALUE);

    static RuleRead of(Rule rule) {
      return new RuleRead(rule, State.FOUND);
    }

    boolean found() {
      return state == State.FOUND;
    }

    /** Broken, or waiting for a value: there is a rule, but not one to use. */
    boolean broken() {
      return state == State.BROKEN || state == State.UNRESOLVED_VALUE;
    }
  }

  /** The rule that {@code method} has (its own, or its interface's default). */
  private record RuleSource(ExecutableElement method, Rule rule) {}

  private final TypeElement handler;
  private final Elements elements;
  private final Types types;
  private final PermissionRequiredValidator permissions;
  private final Diagnostics diagnostics;

  /** Each element's rule as read, so that a problem is reported once. */
  private final Map<Element, RuleRead> read = new HashMap<>();

  /** The instance methods of interfaces among each type's members, for the redeclaration check. */
  private final Map<TypeElement, List<ExecutableElement>> interfaceMethods = new HashMap<>();

  private boolean unresolvedValue;

  RuleResolver(
      TypeElement handler,
      Elements elements,
      Types types,
      PermissionRequiredValidator permissions,
      Diagnostics diagnostics) {
    this.handler = handler;
    this.elements = elements;
    this.types = types;
    this.permissions = permissions;
    this.diagnostics = diagnostics;
  }

  /** Whether a rule had a value that javac could not attribute (a later round may resolve it). */
  boolean hasUnresolvedValue() {
    return unresolvedValue;
  }

  /**
   * The rule the guard checks for {@code method}, a member of the handler: its own; else the
   * default of the interface that declares it; else the default of the handler. None is error 1.
   */
  RuleRead ruleFor(ExecutableElement method) {
    RuleRead own = ruleOf(method);
    if (own.broken() || own.found()) {
      return own;
    }
    TypeElement declaring = ElementSupport.enclosingType(method);
    if (!handler.equals(declaring)) {
      RuleRead inherited = ruleOf(declaring);
      if (inherited.broken()) {
        return inherited;
      }
      if (inherited.found()) {
        return keepsOverriddenRules(method, inherited) ? inherited : RuleRead.BROKEN;
      }
    }
    RuleRead handlerDefault = ruleOf(handler);
    if (handlerDefault.broken() || handlerDefault.found()) {
      return keepsOverriddenRules(method, handlerDefault) ? handlerDefault : RuleRead.BROKEN;
    }
    if (handler.equals(declaring)) {
      diagnostics.report(method, Message.NO_ACCESS_RULE, Describe.method(method));
    } else {
      diagnostics.report(
          handler,
          Message.NO_ACCESS_RULE_INHERITED,
          Describe.method(method),
          Describe.type(declaring));
    }
    return RuleRead.BROKEN;
  }

  /**
   * Whether member {@code i} of {@code group}, override-equivalent methods inherited together from
   * different superinterfaces, has the same rule as the first ({@code rules} in the group's order);
   * reports when not.
   */
  boolean agree(MethodGroup group, List<Rule> rules, int i) {
    if (rules.get(i).sameAs(rules.get(0))) {
      return true;
    }
    ExecutableElement first = group.members().get(0);
    diagnostics.report(
        handler,
        Message.CONFLICTING_RULES,
        first.getSimpleName() + "()",
        rules.get(0).describe(),
        Describe.type(ElementSupport.enclosingType(first)),
        rules.get(i).describe(),
        Describe.type(ElementSupport.enclosingType(group.members().get(i))),
        Describe.type(handler));
    return false;
  }

  /**
   * The rule of exactly {@code method} as the handler would resolve it were it not overridden: its
   * own, else a default; null when it has none (no error: a method overridden in the handler is
   * reachable only as {@code Shop.super.method()}).
   */
  Rule ruleOfOverridden(ExecutableElement method) {
    RuleRead own = ruleOf(method);
    if (own.found() || own.broken()) {
      return own.rule();
    }
    TypeElement declaring = ElementSupport.enclosingType(method);
    RuleRead byDefault = ruleOf(declaring);
    if (byDefault.found() || byDefault.broken() || declaring.equals(handler)) {
      return byDefault.rule();
    }
    return ruleOf(handler).rule();
  }

  /**
   * The rule on {@code element} (a method, or an interface's default), read once; two rules are
   * error 2.
   */
  RuleRead ruleOf(Element element) {
    RuleRead rule = read.get(element);
    if (rule == null) {
      rule = readRule(element);
      read.put(element, rule);
      unresolvedValue |= rule.state() == RuleRead.State.UNRESOLVED_VALUE;
    }
    return rule;
  }

  private RuleRead readRule(Element element) {
    List<AnnotationMirror> mirrors = ApoAnnotation.rules(element);
    if (mirrors.isEmpty()) {
      return RuleRead.NONE;
    }
    if (mirrors.size() > 1) {
      diagnostics.report(
          element,
          mirrors.get(1),
          element instanceof TypeElement
              ? Message.TWO_RULES_ON_INTERFACE
              : Message.TWO_RULES_ON_METHOD,
          Describe.element(element),
          ApoAnnotation.of(mirrors.get(0)).display,
          ApoAnnotation.of(mirrors.get(1)).display);
      return RuleRead.BROKEN;
    }
    AnnotationMirror mirror = mirrors.get(0);
    switch (ApoAnnotation.of(mirror)) {
      case TOKEN_REQUIRED:
        return RuleRead.of(Rule.TOKEN);
      case PUBLIC:
        return RuleRead.of(Rule.PUBLIC);
      case REFRESH:
        return RuleRead.of(Rule.REFRESH);
      default:
        return permissions.read(element, mirror, diagnostics);
    }
  }

  // ------------------------------------------------------------------ redeclarations

  /**
   * Whether {@code method}, which has no rule of its own and takes the default {@code derived},
   * gets the same rule as every method it overrides. A redeclaration (to add javadoc, narrow the
   * return type, or give a body) must never silently replace an inherited rule with a default; when
   * it would, that is an error on the redeclaration.
   */
  private boolean keepsOverriddenRules(ExecutableElement method, RuleRead derived) {
    for (RuleSource source : overriddenRules(method, ElementSupport.enclosingType(method))) {
      if (!source.rule().sameAs(derived.rule())) {
        diagnostics.report(
            method,
            Message.REDECLARED_WITHOUT_RULE,
            Describe.method(method),
            Describe.method(source.method()),
            derived.rule().describe(),
            source.rule().describe());
        return false;
      }
    }
    return true;
  }

  /**
   * The effective rules of the methods that {@code method}, declared in {@code type}, overrides in
   * each direct superinterface of {@code type} (several for a diamond).
   */
  private List<RuleSource> overriddenRules(ExecutableElement method, TypeElement type) {
    List<RuleSource> sources = new ArrayList<>();
    for (TypeMirror superinterface : type.getInterfaces()) {
      Element element = types.asElement(superinterface);
      if (!(element instanceof TypeElement) || !ElementSupport.isInterface(element)) {
        continue;
      }
      for (ExecutableElement candidate : interfaceMethodsOf((TypeElement) element)) {
        if (candidate.getSimpleName().equals(method.getSimpleName())
            && elements.overrides(method, candidate, type)) {
          sources.addAll(effectiveRules(candidate));
        }
      }
    }
    return sources;
  }

  /**
   * What an overridden method requires: its own rule, else the default of its interface, else
   * (recursively) what the methods it overrides require. A broken rule is reported and skipped.
   */
  private List<RuleSource> effectiveRules(ExecutableElement method) {
    RuleRead own = ruleOf(method);
    if (own.found()) {
      return List.of(new RuleSource(method, own.rule()));
    }
    TypeElement declaring = ElementSupport.enclosingType(method);
    RuleRead byDefault = own.broken() ? RuleRead.BROKEN : ruleOf(declaring);
    if (byDefault.found()) {
      return List.of(new RuleSource(method, byDefault.rule()));
    }
    return byDefault.broken() ? List.of() : overriddenRules(method, declaring);
  }

  /** The instance methods of interfaces among {@code type}'s members. */
  private List<ExecutableElement> interfaceMethodsOf(TypeElement type) {
    return interfaceMethods.computeIfAbsent(
        type,
        t -> {
          List<ExecutableElement> methods = new ArrayList<>();
          for (ExecutableElement member : ElementFilter.methodsIn(elements.getAllMembers(t))) {
            if (ElementSupport.isInterface(member.getEnclosingElement())
                && !ElementSupport.isStatic(member)
                && !ElementSupport.isPrivate(member)) {
              methods.add(member);
            }
          }
          return methods;
        });
  }
}
