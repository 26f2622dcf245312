package dev.apojwt.spring;

import dev.apojwt.GuardFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Every {@link GuardFactory} that the processor generated for the application's handler interfaces
 * (and those of its libraries), found with {@link ServiceLoader} over the application's class
 * loader: no classpath scanning, no reflection.
 */
final class GuardRegistry {
  private final List<GuardFactory<?>> factories;

  /** The generated guards ({@code Guarded<Interface>}, each its factory's host). */
  private final Set<Class<?>> guards = new HashSet<>();

  /**
   * {@link #handlersOf} by class: Spring predicts each bean definition's type many times during
   * start-up, and the answer depends only on the class.
   */
  private final ClassValue<List<GuardFactory<?>>> handlers =
      new ClassValue<>() {
        @Override
        protected List<GuardFactory<?>> computeValue(Class<?> type) {
          return List.copyOf(findHandlersOf(type));
        }
      };

  private GuardRegistry(List<GuardFactory<?>> factories) {
    this.factories = List.copyOf(factories);
    for (GuardFactory<?> factory : this.factories) {
      guards.add(factory.getClass().getEnclosingClass());
    }
  }

  static GuardRegistry load(ClassLoader loader) {
    List<GuardFactory<?>> found = new ArrayList<>();
    for (GuardFactory<?> factory : ServiceLoader.load(GuardFactory.class, loader)) {
      found.add(factory);
    }
    return new GuardRegistry(found);
  }

  List<GuardFactory<?>> factories() {
    return factories;
  }

  /**
   * The factories of the handler interfaces that {@code type} implements, the most specific only:
   * for a handler interface that extends another, its own (its guard implements both).
   */
  List<GuardFactory<?>> handlersOf(Class<?> type) {
    return type == null ? List.of() : handlers.get(type);
  }

  private List<GuardFactory<?>> findHandlersOf(Class<?> type) {
    List<GuardFactory<?>> matching = new ArrayList<>(1);
    if (isGuard(type)) {
      return matching;
    }
    for (GuardFactory<?> factory : factories) {
      if (factory.handler().isAssignableFrom(type)) {
        matching.add(factory);
      }
    }
    if (matching.size() > 1) {
      List<GuardFactory<?>> all = List.copyOf(matching);
      matching.removeIf(
          f -> all.stream().anyMatch(g -> g != f && f.handler().isAssignableFrom(g.handler())));
    }
    return matching;
  }

  /** Whether {@code type} is a generated guard ({@code Guarded<Interface>}, its factory's host). */
  boolean isGuard(Class<?> type) {
    return guards.contains(type);
  }
}
