package dev.apojwt.processor;

import dev.apojwt.processor.AnnotationValues.Entry;
import dev.apojwt.processor.HandlerModel.Async;
import dev.apojwt.processor.HandlerModel.MethodModel;
import dev.apojwt.processor.HandlerModel.Parameter;
import dev.apojwt.processor.Reporter.Diagnostics;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks one handler interface and, when it is valid, models it: every guarded method with its
 * access rule, injected parameters, token source and async kind. Every problem is reported (the
 * check does not stop at the first); an interface with any problem yields no model.
 */
final class HandlerValidator {
  private static final String VERIFIED_TOKEN = "dev.apojwt.VerifiedToken";
  private static final String VERIFIED_REFRESH = "dev.apojwt.VerifiedRefresh";
  private static final String COMPLETION_STAGE = "java.util.concurrent.CompletionStage";
  private static final String COMPLETABLE_FUTURE = "java.util.concurrent.CompletableFuture";

  private final Elements elements;
  private final Types types;
  private final Reporter reporter;
  private final Catalogs catalogs;
  private final PlacementChecker placement;
  private final DefaultMethods defaultMethods;
  private final TypeMirror stringType;
  private final TypeMirror stringObjectMap;
  private final TypeMirror stringSet;

  /** What validating a handler interface gave. */
  sealed interface Result permits Valid, Invalid, Unresolved {}

  record Valid(HandlerModel model) implements Result {}

  /** It has errors; they are reported. */
  record Invalid() implements Result {}

  /**
   * Part of it cannot be resolved yet (perhaps a later round generates it); {@code inBody}: a call
   * in a default method's body.
   */
  record Unresolved(String where, String what, boolean inBody) implements Result {
    Unresolved(String where, String what) {
      this(where, what, false);
    }
  }

  HandlerValidator(
      Elements elements,
      Types types,
      Reporter reporter,
      Catalogs catalogs,
      PlacementChecker placement,
      DefaultMethods defaultMethods) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
    this.catalogs = catalogs;
    this.placement = placement;
    this.defaultMethods = defaultMethods;
    this.stringType = elements.getTypeElement("java.lang.String").asType();
    TypeMirror objectType = elements.getTypeElement("java.lang.Object").asType();
    this.stringObjectMap =
        types.getDeclaredType(elements.getTypeElement("java.util.Map"), stringType, objectType);
    this.stringSet = types.getDeclaredType(elements.getTypeElement("java.util.Set"), stringType);
  }

  Result validate(TypeElement handler) {
    Run run = new Run(handler);
    PlacementChecker.checkAccessible(handler, run.diagnostics);
    Unresolved unresolved = unresolvedIn(handler);
    if (unresolved != null) {
      // An interface no guard can implement is final; anything else may resolve later.
      return run.diagnostics.failed() ? new Invalid() : unresolved;
    }
    return run.validate();
  }

  // ------------------------------------------------------------------ unresolvable types

  /** The first unresolvable type in the interface's signatures, or null. */
  private Unresolved unresolvedIn(TypeElement handler) {
    String name = Describe.type(handler);
    TypeMirror error = TypeSupport.findErrorInBounds(handler.getTypeParameters());
    if (error != null) {
      return new Unresolved(name, "type " + error);
    }
    Deque<TypeElement> pending = new ArrayDeque<>();
    Set<TypeElement> seen = new HashSet<>();
    pending.add(handler);
    while (!pending.isEmpty()) {
      TypeElement type = pending.removeFirst();
      for (TypeMirror superinterface : type.getInterfaces()) {
        error = TypeSupport.findError(superinterface);
        if (error != null) {
          return new Unresolved(Describe.type(type), "type " + error);
        }
        Element element = types.asElement(superinterface);
        if (element instanceof TypeElement && seen.add((TypeElement) element)) {
          pending.add((TypeElement) element);
        }
      }
    }
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(handler))) {
      if (!ElementSupport.isInterface(method.getEnclosingElement())) {
        continue;
      }
      error = TypeSupport.findError(method.getReturnType());
      for (VariableElement parameter : method.getParameters()) {
        error = error != null ? error : TypeSupport.findError(parameter.asType());
      }
      for (TypeMirror thrown : method.getThrownTypes()) {
        error = error != null ? error : TypeSupport.findError(thrown);
      }
      error = error != null ? error : TypeSupport.findErrorInBounds(method.getTypeParameters());
      if (error != null) {
        return new Unresolved(Describe.method(method), "type " + error);
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ which methods

  /**
   * The methods the guard implements, in declaration order: the interface's own, then its
   * superinterfaces' depth first; not static, private, or one of Object's.
   */
  private List<ExecutableElement> guardedMethods(TypeElement handler) {
    Set<ExecutableElement> members =
        new HashSet<>(ElementFilter.methodsIn(elements.getAllMembers(handler)));
    List<ExecutableElement> ordered = new ArrayList<>();
    collect(handler, members, ordered, new HashSet<>());
    return ordered;
  }

  private void collect(
      TypeElement type,
      Set<ExecutableElement> members,
      List<ExecutableElement> ordered,
      Set<TypeElement> visited) {
    if (!visited.add(type)) {
      return;
    }
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (members.contains(method)
          && !ElementSupport.isStatic(method)
          && !ElementSupport.isPrivate(method)
          && !ElementSupport.isObjectMethod(method)) {
        ordered.add(method);
      }
    }
    for (TypeMirror superinterface : type.getInterfaces()) {
      Element element = types.asElement(superinterface);
      if (element instanceof TypeElement && ElementSupport.isInterface(element)) {
        collect((TypeElement) element, members, ordered, visited);
      }
    }
  }

  // ------------------------------------------------------------------ one handler

  /** A rule as read from one element: none, broken (already reported), or a rule. */
  private record RuleRead(Rule rule, boolean broken) {
    static final RuleRead NONE = new RuleRead(null, false);
    static final RuleRead BROKEN = new RuleRead(null, true);

    boolean found() {
      return rule != null;
    }
  }

  /** The rule that {@code method} has (its own, or its interface's default). */
  private record RuleSource(ExecutableElement method, Rule rule) {}

  /** The state of validating one handler interface. */
  private final class Run {
    private final TypeElement handler;
    private final DeclaredType handlerType;
    private final Diagnostics diagnostics;
    private final Map<Element, RuleRead> rules = new HashMap<>();

    /** The rule of each guarded method, by signature as a member of the handler. */
    private final Map<String, Rule> bySignature = new HashMap<>();

    /** The rule of each member method of the handler (all of a group share one). */
    private final Map<ExecutableElement, Rule> memberRules = new HashMap<>();

    /** An annotation value javac could not attribute: it reports that itself. */
    private boolean erroneousValue;

    Run(TypeElement handler) {
      this.handler = handler;
      this.handlerType = (DeclaredType) handler.asType();
      this.diagnostics = reporter.scope(handler);
    }

    Result validate() {
      for (ExecutableElement own : ElementFilter.methodsIn(handler.getEnclosedElements())) {
        placement.checkInterfaceMethod(own, diagnostics);
      }
      RuleRead handlerDefault = ruleOf(handler, true);

      Map<String, List<ExecutableElement>> groups = new LinkedHashMap<>();
      for (ExecutableElement method : guardedMethods(handler)) {
        ExecutableType type = (ExecutableType) types.asMemberOf(handlerType, method);
        String signature = TypeSupport.signature(method.getSimpleName().toString(), type, types);
        groups.computeIfAbsent(signature, s -> new ArrayList<>()).add(method);
      }
      List<MethodModel> methods = new ArrayList<>();
      for (List<ExecutableElement> group : groups.values()) {
        MethodModel method = method(group, handlerDefault);
        if (method != null) {
          methods.add(method);
          bySignature.put(method.signature(), method.rule());
          for (ExecutableElement member : group) {
            memberRules.put(member, method.rule());
          }
        }
      }
      Set<String> permissions = new LinkedHashSet<>();
      for (MethodModel method : methods) {
        permissions.addAll(method.rule().permissions());
      }
      List<PermissionCatalogModel> read = catalogs.declaring(permissions);
      if (!diagnostics.failed() && !erroneousValue) {
        // Only a handler whose rules are all valid: the check compares them.
        Unresolved pending =
            defaultMethods.check(handler, new HandlerRules(Catalogs.implied(read)), diagnostics);
        if (pending != null && !diagnostics.failed()) {
          return pending;
        }
      }
      if (diagnostics.failed()) {
        return new Invalid();
      }
      if (erroneousValue) {
        return new Unresolved(Describe.type(handler), "an annotation value");
      }
      return new Valid(
          new HandlerModel(
              handler,
              handlerType,
              HandlerModel.guardNameOf(handler),
              methods,
              read,
              originatingElements(read)));
    }

    /** The rules of this handler, as {@link DefaultMethods} asks about them. */
    private final class HandlerRules implements DefaultMethods.Rules {
      private final Map<String, Set<String>> implied;

      HandlerRules(Map<String, Set<String>> implied) {
        this.implied = implied;
      }

      @Override
      public Rule reached(ExecutableElement method) {
        ExecutableType type;
        try {
          type = (ExecutableType) types.asMemberOf(handlerType, method);
        } catch (IllegalArgumentException notAMember) {
          return null;
        }
        return bySignature.get(
            TypeSupport.signature(method.getSimpleName().toString(), type, types));
      }

      @Override
      public Rule of(ExecutableElement method) {
        Rule member = memberRules.get(method);
        if (member != null) {
          return member;
        }
        // Overridden in the handler: reachable only as Shop.super.method(); its own rule, else a
        // default, as it would be resolved were it not overridden (no error if it has none).
        RuleRead own = ruleOf(method, false);
        if (own.found() || own.broken()) {
          return own.rule();
        }
        TypeElement declaring = ElementSupport.enclosingType(method);
        RuleRead byDefault = ruleOf(declaring, true);
        if (byDefault.found() || byDefault.broken() || declaring.equals(handler)) {
          return byDefault.rule();
        }
        return ruleOf(handler, true).rule();
      }

      @Override
      public boolean guarantees(Rule caller, Rule callee) {
        return (caller == null ? Rule.of(Rule.Kind.PUBLIC) : caller).guarantees(callee, implied);
      }
    }

    /** The interface, its superinterfaces from this compilation, and the catalogs it reads. */
    private List<Element> originatingElements(List<PermissionCatalogModel> read) {
      Set<Element> elements = new LinkedHashSet<>();
      elements.add(handler);
      Deque<TypeElement> pending = new ArrayDeque<>();
      pending.add(handler);
      while (!pending.isEmpty()) {
        for (TypeMirror superinterface : pending.removeFirst().getInterfaces()) {
          Element element = types.asElement(superinterface);
          if (element instanceof TypeElement
              && reporter.inCompilation(element)
              && elements.add(element)) {
            pending.add((TypeElement) element);
          }
        }
      }
      for (PermissionCatalogModel catalog : read) {
        if (reporter.inCompilation(catalog.catalog)) {
          elements.add(catalog.catalog);
        }
      }
      return List.copyOf(elements);
    }

    /**
     * The guarded method for {@code group}: one method, or several override-equivalent ones
     * inherited from different superinterfaces (which must agree). Null when it has errors.
     */
    private MethodModel method(List<ExecutableElement> group, RuleRead handlerDefault) {
      List<Rule> groupRules = new ArrayList<>();
      List<List<Injection>> groupInjections = new ArrayList<>();
      boolean broken = false;
      for (ExecutableElement member : group) {
        RuleRead rule = ruleFor(member, handlerDefault);
        List<Injection> injections = injections(member, rule.rule());
        broken |= !rule.found() || injections == null;
        groupRules.add(rule.rule());
        groupInjections.add(injections);
      }
      if (broken) {
        return null;
      }
      ExecutableElement first = group.get(0);
      for (int i = 1; i < group.size(); i++) {
        ExecutableElement other = group.get(i);
        if (!groupRules.get(i).sameAs(groupRules.get(0))) {
          diagnostics.error(
              handler,
              Message.CONFLICTING_RULES,
              first.getSimpleName() + "()",
              groupRules.get(0).describe(),
              Describe.type(ElementSupport.enclosingType(first)),
              groupRules.get(i).describe(),
              Describe.type(ElementSupport.enclosingType(other)),
              Describe.type(handler));
          return null;
        }
        if (!groupInjections.get(i).equals(groupInjections.get(0))) {
          diagnostics.error(
              handler,
              Message.CONFLICTING_PARAMETERS,
              Describe.method(first),
              Describe.type(ElementSupport.enclosingType(first)),
              Describe.type(ElementSupport.enclosingType(other)),
              Describe.type(handler));
          return null;
        }
      }

      ExecutableElement method = mostSpecific(handlerType, group);
      ExecutableType type = (ExecutableType) types.asMemberOf(handlerType, method);
      String signature = TypeSupport.signature(method.getSimpleName().toString(), type, types);
      if (signature.equals("accessTable()")) {
        diagnostics.error(
            handler.equals(method.getEnclosingElement()) ? method : handler,
            Message.ACCESS_TABLE_CLASH,
            HandlerModel.guardNameOf(handler).simpleName());
        return null;
      }
      List<Injection> injections = groupInjections.get(group.indexOf(method));
      List<Parameter> parameters = new ArrayList<>();
      int bearer = -1;
      for (int i = 0; i < method.getParameters().size(); i++) {
        parameters.add(
            new Parameter(
                method.getParameters().get(i).getSimpleName().toString(),
                type.getParameterTypes().get(i),
                injections.get(i)));
        if (injections.get(i) == Injection.BEARER) {
          bearer = i;
        }
      }
      return new MethodModel(
          method,
          type,
          signature,
          groupRules.get(0),
          parameters,
          bearer,
          asyncKind(type.getReturnType()),
          group.size() == 1 ? List.copyOf(type.getThrownTypes()) : commonThrows(handlerType, group),
          elements.isDeprecated(method));
    }

    // ---------------------------------------------------------------- rules

    /**
     * The method's own rule; else the default of the interface that declares it; else the default
     * of the handler interface. None is error 1.
     */
    private RuleRead ruleFor(ExecutableElement method, RuleRead handlerDefault) {
      RuleRead own = ruleOf(method, false);
      if (own.broken() || own.found()) {
        return own;
      }
      TypeElement declaring = ElementSupport.enclosingType(method);
      if (!handler.equals(declaring)) {
        RuleRead inherited = ruleOf(declaring, true);
        if (inherited.broken()) {
          return inherited;
        }
        if (inherited.found()) {
          return keepsOverriddenRules(method, inherited) ? inherited : RuleRead.BROKEN;
        }
      }
      if (handlerDefault.broken() || handlerDefault.found()) {
        return keepsOverriddenRules(method, handlerDefault) ? handlerDefault : RuleRead.BROKEN;
      }
      if (handler.equals(declaring)) {
        diagnostics.error(method, Message.NO_ACCESS_RULE, Describe.method(method));
      } else {
        diagnostics.error(
            handler,
            Message.NO_ACCESS_RULE_INHERITED,
            Describe.method(method),
            Describe.type(declaring));
      }
      return RuleRead.BROKEN;
    }

    /**
     * Whether {@code method}, which has no rule of its own and takes the default {@code derived},
     * gets the same rule as every method it overrides. A redeclaration (to add javadoc, narrow the
     * return type, or give a body) must never silently replace an inherited rule with a default;
     * when it would, that is an error on the redeclaration.
     */
    private boolean keepsOverriddenRules(ExecutableElement method, RuleRead derived) {
      for (RuleSource source : overriddenRules(method, ElementSupport.enclosingType(method))) {
        if (!source.rule().sameAs(derived.rule())) {
          diagnostics.error(
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
     * The effective rules of the methods that {@code method}, declared in {@code type}, overrides
     * in each direct superinterface of {@code type} (several for a diamond).
     */
    private List<RuleSource> overriddenRules(ExecutableElement method, TypeElement type) {
      List<RuleSource> sources = new ArrayList<>();
      for (TypeMirror superinterface : type.getInterfaces()) {
        Element element = types.asElement(superinterface);
        if (!(element instanceof TypeElement) || !ElementSupport.isInterface(element)) {
          continue;
        }
        for (ExecutableElement candidate : methodsNamed((TypeElement) element, method)) {
          if (elements.overrides(method, candidate, type)) {
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
      RuleRead own = ruleOf(method, false);
      if (own.found()) {
        return List.of(new RuleSource(method, own.rule()));
      }
      TypeElement declaring = ElementSupport.enclosingType(method);
      RuleRead byDefault = own.broken() ? RuleRead.BROKEN : ruleOf(declaring, true);
      if (byDefault.found()) {
        return List.of(new RuleSource(method, byDefault.rule()));
      }
      return byDefault.broken() ? List.of() : overriddenRules(method, declaring);
    }

    /**
     * The instance methods of interfaces among {@code type}'s members named like {@code method}.
     */
    private List<ExecutableElement> methodsNamed(TypeElement type, ExecutableElement method) {
      List<ExecutableElement> named = new ArrayList<>();
      for (ExecutableElement member : ElementFilter.methodsIn(elements.getAllMembers(type))) {
        if (member.getSimpleName().contentEquals(method.getSimpleName())
            && ElementSupport.isInterface(member.getEnclosingElement())
            && !ElementSupport.isStatic(member)
            && !ElementSupport.isPrivate(member)) {
          named.add(member);
        }
      }
      return named;
    }

    private RuleRead ruleOf(Element element, boolean isInterface) {
      RuleRead cached = rules.get(element);
      if (cached == null) {
        cached = readRule(element, isInterface);
        rules.put(element, cached);
      }
      return cached;
    }

    private RuleRead readRule(Element element, boolean isInterface) {
      List<AnnotationMirror> mirrors = ApoAnnotation.rules(element);
      if (mirrors.isEmpty()) {
        return RuleRead.NONE;
      }
      if (mirrors.size() > 1) {
        diagnostics.error(
            element,
            mirrors.get(1),
            isInterface ? Message.TWO_RULES_ON_INTERFACE : Message.TWO_RULES_ON_METHOD,
            Describe.element(element),
            ApoAnnotation.of(mirrors.get(0)).display,
            ApoAnnotation.of(mirrors.get(1)).display);
        return RuleRead.BROKEN;
      }
      AnnotationMirror mirror = mirrors.get(0);
      switch (ApoAnnotation.of(mirror)) {
        case TOKEN_REQUIRED:
          return new RuleRead(Rule.of(Rule.Kind.TOKEN), false);
        case PUBLIC:
          return new RuleRead(Rule.of(Rule.Kind.PUBLIC), false);
        case REFRESH:
          return new RuleRead(Rule.of(Rule.Kind.REFRESH), false);
        default:
          return permissions(element, mirror);
      }
    }

    private RuleRead permissions(Element element, AnnotationMirror mirror) {
      List<Entry> allOf = AnnotationValues.strings(mirror, "value");
      List<Entry> anyOf = AnnotationValues.strings(mirror, "anyOf");
      if (!allOf.isEmpty() && !anyOf.isEmpty()) {
        diagnostics.error(
            element, mirror, AnnotationValues.member(mirror, "anyOf"), Message.PERMISSIONS_BOTH);
        return RuleRead.BROKEN;
      }
      if (allOf.isEmpty() && anyOf.isEmpty()) {
        diagnostics.error(element, mirror, Message.PERMISSIONS_NONE);
        return RuleRead.BROKEN;
      }
      boolean any = allOf.isEmpty();
      List<String> names = new ArrayList<>();
      boolean ok = true;
      for (Entry entry : any ? anyOf : allOf) {
        if (entry.erroneous()) {
          erroneousValue = true;
          ok = false;
          continue;
        }
        String name = entry.string();
        Message problem = null;
        Object[] args = {name};
        if (name.isBlank()) {
          problem = Message.PERMISSION_BLANK;
        } else if (!name.strip().equals(name)) {
          problem = Message.PERMISSION_PADDED;
          args = new Object[] {name, name.strip()};
        } else if (names.contains(name)) {
          problem = Message.PERMISSION_DUPLICATE;
        } else if (!catalogs.isEmpty() && !catalogs.declares(name)) {
          problem = Message.PERMISSION_UNKNOWN;
          String suggestion = catalogs.suggestionFor(name);
          args =
              new Object[] {
                name,
                catalogs.describe(),
                suggestion == null
                    ? "declare it there, or fix the name"
                    : "did you mean \"" + suggestion + "\"?"
              };
        }
        if (problem != null) {
          diagnostics.error(element, mirror, entry.value(), problem, args);
          ok = false;
        } else {
          names.add(name);
        }
      }
      if (!ok) {
        return RuleRead.BROKEN;
      }
      return new RuleRead(new Rule(any ? Rule.Kind.ANY_OF : Rule.Kind.ALL_OF, names), false);
    }

    // ---------------------------------------------------------------- parameters

    /**
     * What the guard passes for each parameter of {@code method} under {@code rule} (null when the
     * rule is broken: then only the rule-independent checks run). Null when any is wrong.
     */
    private List<Injection> injections(ExecutableElement method, Rule rule) {
      List<Injection> injections = new ArrayList<>();
      boolean ok = true;
      boolean bearerSeen = false;
      String methodName = Describe.method(method);
      // Parameter types as seen from the handler: Base<M>'s M may be Map<String, Object> here.
      List<? extends TypeMirror> types =
          ((ExecutableType) HandlerValidator.this.types.asMemberOf(handlerType, method))
              .getParameterTypes();
      for (int i = 0; i < method.getParameters().size(); i++) {
        VariableElement parameter = method.getParameters().get(i);
        Injection injection = injection(parameter, types.get(i), rule, methodName);
        AnnotationMirror bearer = ApoAnnotation.find(parameter, ApoAnnotation.BEARER_TOKEN);
        if (bearer != null) {
          if (bearerSeen) {
            diagnostics.error(parameter, bearer, Message.TWO_BEARER_TOKENS, methodName);
            injection = null;
          }
          bearerSeen = true;
        }
        ok &= injection != null;
        injections.add(injection);
      }
      return ok ? injections : null;
    }

    /** One parameter's injection, or null when it is wrong (reported). */
    private Injection injection(
        VariableElement parameter, TypeMirror type, Rule rule, String methodName) {
      List<AnnotationMirror> found = new ArrayList<>();
      AnnotationMirror bearer = null;
      for (AnnotationMirror mirror : parameter.getAnnotationMirrors()) {
        ApoAnnotation a = ApoAnnotation.of(mirror);
        if (a == ApoAnnotation.BEARER_TOKEN) {
          bearer = mirror;
        } else if (a != null && a.category == ApoAnnotation.Category.INJECTION) {
          found.add(mirror);
        }
      }
      String name = parameter.getSimpleName().toString();
      Rule.Kind kind = rule == null ? null : rule.kind();
      if (found.size() > 1) {
        diagnostics.error(
            parameter,
            found.get(1),
            Message.TWO_INJECTIONS,
            name,
            ApoAnnotation.of(found.get(0)).display,
            ApoAnnotation.of(found.get(1)).display);
        return null;
      }
      if (bearer != null) {
        if (!found.isEmpty()) {
          String other = ApoAnnotation.of(found.get(0)).display;
          diagnostics.error(
              parameter, found.get(0), Message.BEARER_WITH_INJECTION, name, other, other);
          return null;
        }
        if (kind == Rule.Kind.PUBLIC) {
          diagnostics.error(
              parameter, bearer, Message.INJECTION_ON_PUBLIC, "@BearerToken", methodName);
          return null;
        }
        if (type.getKind() == TypeKind.ERROR || !types.isSameType(type, stringType)) {
          diagnostics.error(
              parameter, bearer, Message.BEARER_NOT_STRING, name, Describe.type(type));
          return null;
        }
        return Injection.BEARER;
      }
      if (found.size() == 1) {
        AnnotationMirror mirror = found.get(0);
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
          diagnostics.error(parameter, mirror, Message.INJECTION_ON_PUBLIC, a.display, methodName);
          ok = false;
        } else if (injection.fromRefreshToken() && kind != null && kind != Rule.Kind.REFRESH) {
          diagnostics.error(parameter, mirror, Message.REFRESH_ONLY, a.display, methodName);
          ok = false;
        } else if (injection.fromAccessToken() && kind == Rule.Kind.REFRESH) {
          diagnostics.error(
              parameter, mirror, Message.ACCESS_INJECTION_ON_REFRESH, a.display, methodName);
          ok = false;
        }
        if (!types.isAssignable(provided, type)) {
          String wanted = Describe.type(provided);
          diagnostics.error(
              parameter,
              mirror,
              Message.INJECTION_WRONG_TYPE,
              a.display,
              wanted,
              name,
              Describe.type(type),
              wanted);
          ok = false;
        }
        return ok ? injection : null;
      }
      if (isType(type, VERIFIED_TOKEN)) {
        String what = "VerifiedToken parameter " + name;
        if (kind == Rule.Kind.PUBLIC) {
          diagnostics.error(parameter, Message.INJECTION_ON_PUBLIC, what, methodName);
          return null;
        }
        if (kind == Rule.Kind.REFRESH) {
          diagnostics.error(parameter, Message.ACCESS_INJECTION_ON_REFRESH, what, methodName);
          return null;
        }
        return Injection.VERIFIED_TOKEN;
      }
      if (isType(type, VERIFIED_REFRESH)) {
        String what = "VerifiedRefresh parameter " + name;
        if (kind == Rule.Kind.PUBLIC) {
          diagnostics.error(parameter, Message.INJECTION_ON_PUBLIC, what, methodName);
          return null;
        }
        if (kind != null && kind != Rule.Kind.REFRESH) {
          diagnostics.error(parameter, Message.REFRESH_ONLY, what, methodName);
          return null;
        }
        return Injection.VERIFIED_REFRESH;
      }
      return Injection.NONE;
    }
  }

  // ------------------------------------------------------------------ helpers

  private static boolean isType(TypeMirror type, String qualifiedName) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement())
            .getQualifiedName()
            .contentEquals(qualifiedName);
  }

  private static Async asyncKind(TypeMirror returnType) {
    if (isType(returnType, COMPLETION_STAGE)) {
      return Async.COMPLETION_STAGE;
    }
    if (isType(returnType, COMPLETABLE_FUTURE)) {
      return Async.COMPLETABLE_FUTURE;
    }
    return Async.NONE;
  }

  /**
   * Of override-equivalent methods inherited together, the one whose return type (as a member of
   * {@code owner}) is a subtype of all the others' (the one the guard must implement).
   */
  private ExecutableElement mostSpecific(DeclaredType owner, List<ExecutableElement> group) {
    for (ExecutableElement candidate : group) {
      TypeMirror returns = memberType(owner, candidate).getReturnType();
      boolean specific = true;
      for (ExecutableElement other : group) {
        TypeMirror otherReturns = memberType(owner, other).getReturnType();
        if (returns.getKind() == TypeKind.VOID || otherReturns.getKind() == TypeKind.VOID) {
          specific &= returns.getKind() == otherReturns.getKind();
        } else {
          specific &= types.isSubtype(types.erasure(returns), types.erasure(otherReturns));
        }
      }
      if (specific) {
        return candidate;
      }
    }
    return group.get(0); // javac reports the incompatible return types
  }

  private ExecutableType memberType(DeclaredType owner, ExecutableElement method) {
    return (ExecutableType) types.asMemberOf(owner, method);
  }

  /**
   * What a method implementing all of {@code group} may throw: each checked exception that every
   * one of them allows.
   */
  private List<TypeMirror> commonThrows(DeclaredType owner, List<ExecutableElement> group) {
    List<TypeMirror> common = new ArrayList<>();
    for (ExecutableElement member : group) {
      for (TypeMirror thrown : memberType(owner, member).getThrownTypes()) {
        boolean allowedEverywhere = true;
        for (ExecutableElement other : group) {
          boolean allowed = false;
          for (TypeMirror otherThrown : memberType(owner, other).getThrownTypes()) {
            allowed |= types.isSubtype(thrown, otherThrown);
          }
          allowedEverywhere &= allowed;
        }
        boolean known = false;
        for (TypeMirror c : common) {
          known |= types.isSameType(c, thrown);
        }
        if (allowedEverywhere && !known) {
          common.add(thrown);
        }
      }
    }
    return common;
  }
}
