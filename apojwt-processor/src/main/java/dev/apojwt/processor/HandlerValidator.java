package dev.apojwt.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeVariableName;
import dev.apojwt.processor.HandlerModel.Async;
import dev.apojwt.processor.HandlerModel.MethodModel;
import dev.apojwt.processor.HandlerModel.Overload;
import dev.apojwt.processor.HandlerModel.Parameter;
import dev.apojwt.processor.HandlerModel.Varargs;
import dev.apojwt.processor.Reporter.Diagnostics;
import dev.apojwt.processor.RuleResolver.RuleRead;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks one handler interface and, when it is valid, models it: every guarded method with its
 * access rule, injected parameters, token source, async kind and overload. Every problem is
 * reported (the check does not stop at the first); an interface with any problem yields no model.
 *
 * <p>The steps, each its own class: {@link PlacementChecker} (can a guard implement it), {@link
 * UnresolvedTypes} (must it wait for a later round), {@link GuardedMethods} (which methods, grouped
 * by signature), {@link RuleResolver} with {@link PermissionRequiredValidator} (the rule of each),
 * {@link InjectionValidator} (the parameters), {@link DefaultBodyChecker} (calls in default
 * bodies), {@link Overloads} (the overloads without injected parameters).
 */
final class HandlerValidator {
  private final Elements elements;
  private final Types types;
  private final Reporter reporter;
  private final Catalogs catalogs;
  private final PlacementChecker placement;
  private final PermissionRequiredValidator permissions;
  private final GuardedMethods guardedMethods;
  private final InjectionValidator injections;
  private final DefaultBodyChecker defaultBodies;
  private final Overloads overloads;
  private final TypeNames typeNames = new TypeNames();

  /** What validating a handler interface gave. */
  sealed interface Result permits Valid, Invalid, Unresolved {}

  record Valid(HandlerModel model) implements Result {}

  /** It has errors; they are reported. */
  record Invalid() implements Result {}

  /**
   * Part of it cannot be resolved yet (perhaps a later round generates it); {@code inBody}: a call
   * in a default method's body.
   */
  record Unresolved(String where, String what, boolean inBody) implements Result {}

  private static final Invalid INVALID = new Invalid();

  HandlerValidator(
      Elements elements,
      Types types,
      Reporter reporter,
      Catalogs catalogs,
      PlacementChecker placement,
      PermissionRequiredValidator permissions,
      DefaultBodyChecker defaultBodies) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
    this.catalogs = catalogs;
    this.placement = placement;
    this.permissions = permissions;
    this.defaultBodies = defaultBodies;
    this.guardedMethods = new GuardedMethods(types);
    this.injections = new InjectionValidator(elements, types);
    this.overloads = new Overloads(elements, types);
  }

  Result validate(TypeElement handler) {
    Diagnostics diagnostics = reporter.scope(handler);
    PlacementChecker.checkAccessible(handler, diagnostics);
    List<TypeElement> interfaces = Supertypes.interfaces(handler, types);
    List<ExecutableElement> memberList = ElementFilter.methodsIn(elements.getAllMembers(handler));
    UnresolvedTypes.Unresolved unresolved =
        UnresolvedTypes.firstIn(handler, interfaces, memberList);
    if (unresolved != null) {
      // An interface no guard can implement is final; anything else may resolve later.
      return diagnostics.failed()
          ? INVALID
          : new Unresolved(unresolved.where(), unresolved.what(), false);
    }
    return new Run(handler, interfaces, new HashSet<>(memberList), diagnostics).validate();
  }

  /** The interfaces that {@code handler} extends, itself included: whose injections it guards. */
  List<TypeElement> interfacesOf(TypeElement handler) {
    return Supertypes.interfaces(handler, types);
  }

  /** The state of validating one handler interface. */
  private final class Run {
    private final TypeElement handler;
    private final DeclaredType handlerType;
    private final List<TypeElement> interfaces;
    private final Set<ExecutableElement> members;
    private final Diagnostics diagnostics;
    private final RuleResolver rules;

    Run(
        TypeElement handler,
        List<TypeElement> interfaces,
        Set<ExecutableElement> members,
        Diagnostics diagnostics) {
      this.handler = handler;
      this.handlerType = (DeclaredType) handler.asType();
      this.interfaces = interfaces;
      this.members = members;
      this.diagnostics = diagnostics;
      this.rules = new RuleResolver(handler, elements, types, permissions, diagnostics);
    }

    Result validate() {
      for (ExecutableElement own : ElementFilter.methodsIn(handler.getEnclosedElements())) {
        placement.checkInterfaceMethod(own, diagnostics);
      }
      rules.ruleOf(handler); // its default, checked even when no method takes it

      List<MethodModel> methods = new ArrayList<>();
      Map<String, Rule> bySignature = new HashMap<>();
      Map<ExecutableElement, Rule> memberRules = new HashMap<>();
      for (MethodGroup group : guardedMethods.of(handlerType, interfaces, members)) {
        MethodModel method = method(group);
        if (method != null) {
          methods.add(method);
          bySignature.put(method.signature(), method.rule());
          for (ExecutableElement member : group.members()) {
            memberRules.put(member, method.rule());
          }
        }
      }
      Set<String> checked = new LinkedHashSet<>();
      for (MethodModel method : methods) {
        checked.addAll(method.rule().permissions());
      }
      List<PermissionCatalogModel> read = catalogs.declaring(checked);
      if (!diagnostics.failed() && !rules.hasUnresolvedValue()) {
        // Only a handler whose rules are all valid: the check compares them.
        HandlerRules handlerRules =
            new HandlerRules(
                handlerType,
                types,
                guardedMethods,
                rules,
                bySignature,
                memberRules,
                catalogs.implied(read));
        DefaultBodyChecker.UnresolvedCall pending =
            defaultBodies.check(handler, interfaces, members, handlerRules, diagnostics);
        if (pending != null && !diagnostics.failed()) {
          return new Unresolved(pending.method(), pending.call(), true);
        }
      }
      if (diagnostics.failed()) {
        return INVALID;
      }
      if (rules.hasUnresolvedValue()) {
        return new Unresolved(Describe.type(handler), "an annotation value", false);
      }
      ClassName guard = HandlerModel.guardNameOf(handler);
      return new Valid(
          new HandlerModel(
              handler.getQualifiedName().toString(),
              typeNames.classNameOf(handler),
              typeVariables(),
              nestedTypeNames(),
              guard,
              overloads.decide(guard, methods, diagnostics),
              read,
              originatingElements(read),
              elements.isDeprecated(handler)));
    }

    private List<TypeVariableName> typeVariables() {
      List<TypeVariableName> variables = new ArrayList<>();
      for (TypeParameterElement parameter : handler.getTypeParameters()) {
        variables.add(TypeVariableName.get(parameter));
      }
      return variables;
    }

    /**
     * The types nested in the handler and its superinterfaces, whose names imports must not hide.
     */
    private Set<String> nestedTypeNames() {
      Set<String> names = new LinkedHashSet<>();
      for (TypeElement type : interfaces) {
        for (TypeElement nested : ElementFilter.typesIn(type.getEnclosedElements())) {
          names.add(nested.getSimpleName().toString());
        }
      }
      return names;
    }

    /**
     * The guarded method for {@code group}: one method, or several override-equivalent ones
     * inherited from different superinterfaces (which must agree). Null when it has errors.
     */
    private MethodModel method(MethodGroup group) {
      List<ExecutableElement> members = group.members();
      List<Rule> groupRules = new ArrayList<>(members.size());
      List<List<Injection>> groupInjections = new ArrayList<>(members.size());
      boolean broken = false;
      for (int i = 0; i < members.size(); i++) {
        RuleRead rule = rules.ruleFor(members.get(i));
        List<Injection> injected =
            injections.injections(
                members.get(i), group.memberTypes().get(i), rule.rule(), diagnostics);
        broken |= !rule.found() || injected == null;
        groupRules.add(rule.rule());
        groupInjections.add(injected);
      }
      if (broken) {
        return null;
      }
      for (int i = 1; i < members.size(); i++) {
        if (!rules.agree(group, groupRules, i)
            || !injections.agree(handler, group, groupInjections, i, diagnostics)) {
          return null;
        }
      }

      int implemented = guardedMethods.implemented(group);
      ExecutableElement method = members.get(implemented);
      ExecutableType type = group.memberTypes().get(implemented);
      if (group.signature().equals("accessTable()")) {
        diagnostics.report(
            handler.equals(method.getEnclosingElement()) ? method : handler,
            Message.ACCESS_TABLE_CLASH,
            HandlerModel.guardNameOf(handler).simpleName());
        return null;
      }
      List<Injection> injected = groupInjections.get(implemented);
      List<Parameter> parameters = new ArrayList<>(injected.size());
      int bearer = -1;
      List<? extends TypeMirror> parameterTypes = type.getParameterTypes();
      for (int i = 0; i < injected.size(); i++) {
        TypeMirror parameterType = parameterTypes.get(i);
        parameters.add(
            new Parameter(
                method.getParameters().get(i).getSimpleName().toString(),
                parameterType,
                typeNames.of(parameterType),
                injected.get(i)));
        if (injected.get(i) == Injection.BEARER) {
          bearer = i;
        }
      }
      TypeMirror returnType = type.getReturnType();
      List<TypeVariableName> typeVariables = new ArrayList<>();
      for (TypeVariable variable : type.getTypeVariables()) {
        typeVariables.add(typeNames.variable(variable));
      }
      Varargs varargs = Varargs.NONE;
      if (method.isVarArgs()) {
        TypeMirror last = parameterTypes.get(parameterTypes.size() - 1);
        varargs =
            TypeSupport.isReifiable(((ArrayType) last).getComponentType())
                ? Varargs.REIFIABLE
                : Varargs.NOT_REIFIABLE;
      }
      return new MethodModel(
          method,
          method.getSimpleName().toString(),
          group.signature(),
          groupRules.get(0),
          parameters,
          bearer,
          Async.of(returnType),
          returnType.getKind() == TypeKind.VOID ? null : typeNames.of(returnType),
          typeVariables,
          varargs,
          typeNames.of(guardedMethods.thrownTypes(group, implemented)),
          elements.isDeprecated(method),
          Overload.NONE);
    }

    /** The interface, its superinterfaces from this compilation, and the catalogs it reads. */
    private List<Element> originatingElements(List<PermissionCatalogModel> read) {
      List<Element> origins = new ArrayList<>();
      for (TypeElement type : interfaces) {
        if (type.equals(handler) || reporter.inCompilation(type)) {
          origins.add(type);
        }
      }
      for (PermissionCatalogModel catalog : read) {
        if (reporter.inCompilation(catalog.catalog)) {
          origins.add(catalog.catalog);
        }
      }
      return List.copyOf(origins);
    }
  }
}
