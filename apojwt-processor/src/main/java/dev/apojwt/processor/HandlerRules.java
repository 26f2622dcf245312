package dev.apojwt.processor;

import java.util.Collection;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.util.Types;

/**
 * The resolved rules of one valid handler interface, as {@link DefaultBodyChecker} asks about them:
 * which rule a call in a default body reaches, and whether one rule guarantees another under the
 * permission hierarchy of the catalogs the guard reads.
 */
final class HandlerRules implements DefaultBodyChecker.Rules {
  private final DeclaredType handlerType;
  private final Types types;
  private final GuardedMethods guardedMethods;
  private final RuleResolver resolver;

  /** The rule of each guarded method, by signature as a member of the handler. */
  private final Map<String, Rule> bySignature;

  /** The rule of each member method of the handler (all of a group share one). */
  private final Map<ExecutableElement, Rule> memberRules;

  /** Each permission with everything it implies, transitively. */
  private final Map<String, ? extends Collection<String>> implied;

  HandlerRules(
      DeclaredType handlerType,
      Types types,
      GuardedMethods guardedMethods,
      RuleResolver resolver,
      Map<String, Rule> bySignature,
      Map<ExecutableElement, Rule> memberRules,
      Map<String, ? extends Collection<String>> implied) {
    this.handlerType = handlerType;
    this.types = types;
    this.guardedMethods = guardedMethods;
    this.resolver = resolver;
    this.bySignature = bySignature;
    this.memberRules = memberRules;
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
    return bySignature.get(guardedMethods.signature(method, type));
  }

  @Override
  public Rule of(ExecutableElement method) {
    Rule member = memberRules.get(method);
    return member != null ? member : resolver.ruleOfOverridden(method);
  }

  @Override
  public boolean guarantees(Rule caller, Rule callee) {
    return (caller == null ? Rule.PUBLIC : caller).guarantees(callee, implied);
  }
}
