package dev.apojwt.spring;

import dev.apojwt.GuardFactory;
import java.util.List;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanNotOfRequiredTypeException;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;

/**
 * Start-up stopped because a bean asked for the implementation class of a handler interface, which
 * the starter replaced by its guard: says to inject the interface. Spring reports it as a missing
 * bean, or as a bean "expected to be of type" the implementation; this analysis comes before Spring
 * Boot's own, which would suggest defining such a bean (and so skipping the guard).
 */
final class ImplementationInjectionFailureAnalyzer implements FailureAnalyzer, Ordered {
  private final ListableBeanFactory beans;

  /** Spring Boot passes the failed context's bean factory (null if there was none yet). */
  ImplementationInjectionFailureAnalyzer(BeanFactory beanFactory) {
    this.beans =
        beanFactory instanceof ListableBeanFactory ? (ListableBeanFactory) beanFactory : null;
  }

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      Class<?> wanted = null;
      if (t instanceof BeanNotOfRequiredTypeException) {
        wanted = ((BeanNotOfRequiredTypeException) t).getRequiredType();
      } else if (t instanceof NoSuchBeanDefinitionException) {
        wanted = ((NoSuchBeanDefinitionException) t).getBeanType();
      }
      if (wanted != null && !wanted.isInterface() && beans != null) {
        FailureAnalysis analysis = analyze(wanted, t);
        if (analysis != null) {
          return analysis;
        }
      }
    }
    return null;
  }

  /** Only when the handler has a bean: else there is no guard, and Boot's own analysis fits. */
  private FailureAnalysis analyze(Class<?> wanted, Throwable cause) {
    List<GuardFactory<?>> handlers = GuardRegistry.load(wanted.getClassLoader()).handlersOf(wanted);
    if (handlers.size() != 1
        || beans.getBeanNamesForType(handlers.get(0).handler(), true, false).length == 0) {
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
