package dev.apojwt.spring;

import dev.apojwt.GuardFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Every {@link GuardFactory} that the processor generated for the application's handler interfaces
 * (and those of its libraries), found with {@link ServiceLoader} over the application's class
 * loader: no classpath scanning, no reflection.
 */
final class GuardRegistry {
  private final List<GuardFactory<?>> factories;

  private GuardRegistry(List<GuardFactory<?>> factories) {
    this.factories = List.copyOf(factories);
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
    List<GuardFactory<?>> matching = new ArrayList<>(1);
    if (type == null || isGuard(type)) {
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
    for (GuardFactory<?> factory : factories) {
      if (factory.getClass().getEnclosingClass() == type) {
        return true;
      }
    }
    return false;
  }

  /** The factory of {@code handler}, or null. */
  GuardFactory<?> factoryOf(Class<?> handler) {
    for (GuardFactory<?> factory : factories) {
      if (factory.handler() == handler) {
        return factory;
      }
    }
    return null;
  }
}
