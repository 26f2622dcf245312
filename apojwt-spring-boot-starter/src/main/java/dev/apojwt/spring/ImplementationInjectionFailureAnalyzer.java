package dev.apojwt.spring;

import dev.apojwt.GuardFactory;
import java.util.List;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Start-up stopped because a bean asked for the implementation class of a handler interface, which
 * the starter replaced by its guard: says to inject the interface. Before Spring Boot's own
 * analysis of a missing bean, which would suggest defining one (and so skipping the guard).
 */
final class ImplementationInjectionFailureAnalyzer
    extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException> implements Ordered {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
    Class<?> wanted = cause.getBeanType();
    if (wanted == null || wanted.isInterface()) {
      return null;
    }
    List<GuardFactory<?>> handlers = GuardRegistry.load(wanted.getClassLoader()).handlersOf(wanted);
    if (handlers.size() != 1) {
      return null;
    }
    String handler = handlers.get(0).handler().getName();
    return new FailureAnalysis(
        "A bean of type "
            + wanted.getName()
            + " was required, the implementation of the handler interface "
            + handler
            + ". apojwt replaced that bean by its guard, which implements "
            + handler
            + " only: the implementation itself would be reachable unguarded.",
        "Inject " + handler + " instead of " + wanted.getName() + ".",
        cause);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
