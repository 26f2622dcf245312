package dev.apojwt.processor;

import dev.apojwt.processor.Reporter.Diagnostics;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Finds default methods whose bodies reach a stricter guarded method of the same handler without
 * its check. The guard checks a default method's own rule, then calls the implementation; unless
 * the implementation overrides the method, the default body runs there, with {@code this} = the
 * implementation, so a call in it to a sibling method on {@code this} ({@code delete(id)}, {@code
 * this.delete(id)}, {@code Shop.this.delete(id)}, {@code Shop.super.delete(id)}, {@code
 * this::delete}) skips that sibling's check. Each such call whose rule the default method's rule
 * does not guarantee ({@link Rule#guarantees}) is a compile error at the call.
 *
 * <p>This class decides which bodies need reading; reading them takes javac's tree API ({@link
 * Bodies}, in {@code TreeBodies}), which other compilers lack: then one note says the bodies were
 * not checked. A default method from a class file has no body to read: a note names it.
 */
final class DefaultBodyChecker {

  /** What the handler's rules say about the methods a default body may call. */
  interface Rules {
    /**
     * The rule the guard checks for the method that a call to {@code method} on {@code this}
     * reaches (the handler's method with that signature), or null when it is not guarded.
     */
    Rule reached(ExecutableElement method);

    /**
     * The rule of exactly {@code method} as the handler resolves it (its own, else a default), for
     * a call that cannot be overridden ({@code Shop.super.delete(id)}) and for the body's own rule;
     * null when it has none.
     */
    Rule of(ExecutableElement method);

    /** Whether a caller that passed {@code caller} (null: no rule) passes {@code callee}. */
    boolean guarantees(Rule caller, Rule callee);
  }

  /** Reads method bodies: javac's tree API. */
  interface Bodies {
    /** Whether {@code method}'s body is available as source. */
    boolean hasBody(ExecutableElement method);

    /**
     * Reports every call in the body of default method {@code method}, whose rule is {@code rule}
     * (null: none), that reaches on {@code this} a method the rule does not guarantee. Only calls
     * of methods named in {@code stricter} can be such calls. Returns a description of a call that
     * cannot be resolved yet, or null.
     */
    String check(
        ExecutableElement method,
        Rule rule,
        Set<String> stricter,
        Rules rules,
        Diagnostics diagnostics);
  }

  /** A call in default method {@code method} that cannot be resolved yet. */
  record UnresolvedCall(String method, String call) {}

  /** Null when the compiler offers no tree API. */
  private final Bodies bodies;

  DefaultBodyChecker(Bodies bodies) {
    this.bodies = bodies;
  }

  /**
   * Checks the default methods of {@code handler}, whose {@code interfaces} ({@link
   * Supertypes#interfaces}) and member methods are given; reports through {@code diagnostics}.
   * Returns a call that cannot be resolved yet (a later round may generate what it needs), or null.
   */
  UnresolvedCall check(
      TypeElement handler,
      List<TypeElement> hierarchy,
      Set<ExecutableElement> members,
      Rules rules,
      Diagnostics diagnostics) {
    List<ExecutableElement> callable = new ArrayList<>();
    List<ExecutableElement> defaults = new ArrayList<>();
    for (TypeElement type : hierarchy) {
      for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
        if (!ElementSupport.isGuardable(method)) {
          continue;
        }
        callable.add(method);
        if (method.getModifiers().contains(Modifier.DEFAULT)) {
          defaults.add(method);
        }
      }
    }
    UnresolvedCall pending = null;
    for (ExecutableElement method : defaults) {
      Rule rule = rules.of(method);
      Set<String> stricter = stricterThan(rule, callable, rules);
      if (stricter.isEmpty()) {
        continue; // nothing it could call on this needs more than its own rule
      }
      if (bodies == null) {
        diagnostics.report(Message.DEFAULT_BODIES_NOT_CHECKED);
        return null;
      }
      if (!bodies.hasBody(method)) {
        if (members.contains(method)) {
          diagnostics.report(
              method,
              Message.DEFAULT_BODY_FROM_CLASS_FILE,
              Describe.method(method),
              Describe.type(handler),
              describe(rule),
              method.getSimpleName());
        }
        continue;
      }
      String unresolved = bodies.check(method, rule, stricter, rules, diagnostics);
      if (unresolved != null && pending == null) {
        pending = new UnresolvedCall(Describe.method(method), unresolved);
      }
    }
    return pending;
  }

  /** How messages name a default method's rule. */
  static String describe(Rule rule) {
    return rule == null ? "no access rule" : rule.describe();
  }

  /** The names of the methods a body under {@code rule} may not call on {@code this}. */
  private static Set<String> stricterThan(
      Rule rule, List<ExecutableElement> callable, Rules rules) {
    Set<String> names = new LinkedHashSet<>();
    for (ExecutableElement method : callable) {
      Rule reached = rules.reached(method);
      Rule own = rules.of(method);
      if ((reached != null && !rules.guarantees(rule, reached))
          || (own != null && !rules.guarantees(rule, own))) {
        names.add(method.getSimpleName().toString());
      }
    }
    return names;
  }
}
