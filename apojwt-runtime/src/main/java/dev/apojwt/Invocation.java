package dev.apojwt;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One call of a guarded handler method, as a {@link TokenFinder} or an {@link ExceptionHandler}
 * sees it: which interface and method, and the arguments the caller passed (injected parameters are
 * still {@code null} here). The successor of the {@code *args, **kwargs} apojwt passed.
 */
public final class Invocation {
  private final AccessRule rule;
  private final Object[] arguments;

  Invocation(AccessRule rule, Object[] arguments) {
    this.rule = rule;
    this.arguments = arguments;
  }

  /**
   * An invocation of {@code rule}'s method with {@code arguments}; for tests of finders and
   * handlers.
   */
  public static Invocation of(AccessRule rule, Object... arguments) {
    return new Invocation(Objects.requireNonNull(rule, "rule"), arguments.clone());
  }

  /** The qualified name of the handler interface, e.g. {@code com.example.Orders}. */
  public String handler() {
    return rule.handler();
  }

  /** The method's name, e.g. {@code list}. {@link #rule()} has its full signature. */
  public String method() {
    return rule.methodName();
  }

  /** The access rule of the method being called. */
  public AccessRule rule() {
    return rule;
  }

  /** The arguments as passed, in order (unmodifiable; may contain nulls). */
  public List<Object> arguments() {
    return Collections.unmodifiableList(Arrays.asList(arguments));
  }

  /**
   * The first argument that is an instance of {@code type} (e.g. Javalin's {@code Context}), or
   * null when there is none.
   */
  public <T> T argument(Class<T> type) {
    for (Object argument : arguments) {
      if (type.isInstance(argument)) {
        return type.cast(argument);
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "Invocation[" + rule.handler() + "." + rule.signature() + "]";
  }
}
