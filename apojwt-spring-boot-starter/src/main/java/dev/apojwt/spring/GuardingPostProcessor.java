package dev.apojwt.spring;

import dev.apojwt.ApoJwt;
import dev.apojwt.GuardFactory;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.SmartInstantiationAwareBeanPostProcessor;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;

/**
 * Replaces every bean that implements a handler interface by its guard, made by the interface's
 * {@link GuardFactory}: {@code @Service NotesService implements NotesApi} needs no {@code @Bean}
 * and is reachable only as the guarded {@code NotesApi}.
 *
 * <ul>
 *   <li>Bean types are predicted as the handler interface, so that by-type lookups of the interface
 *       see one candidate, and one of the implementation's class sees none: injecting {@code
 *       NotesService} fails at start-up ({@link ImplementationInjectionFailureAnalyzer} says to
 *       inject {@code NotesApi}).
 *   <li>An early reference (a circular dependency) is the guard too.
 *   <li>A bean implementing two handler interfaces, or a controller implementing one (its guard is
 *       no controller), stops start-up saying what to do.
 *   <li>Once every singleton exists, any bean of a handler interface that is not a guard (a
 *       singleton registered as an object, which no post-processor sees) stops start-up.
 * </ul>
 *
 * <p>Not {@code Ordered}: it runs after the ordered post-processors, so an AOP proxy of the
 * implementation (for {@code @Transactional}, say) is what the guard calls.
 */
final class GuardingPostProcessor
    implements SmartInstantiationAwareBeanPostProcessor,
        BeanFactoryAware,
        BeanClassLoaderAware,
        SmartInitializingSingleton {
  private volatile GuardRegistry registry;
  private ClassLoader classLoader = ClassUtils.getDefaultClassLoader();
  private ListableBeanFactory beanFactory;
  private volatile ApoJwt jwt;
  private final Map<String, Object> earlyReferences = new ConcurrentHashMap<>();

  @Override
  public void setBeanClassLoader(ClassLoader classLoader) {
    this.classLoader = classLoader;
  }

  @Override
  public void setBeanFactory(BeanFactory beanFactory) {
    this.beanFactory = (ListableBeanFactory) beanFactory;
  }

  GuardRegistry registry() {
    GuardRegistry r = registry;
    if (r == null) {
      r = GuardRegistry.load(classLoader);
      registry = r;
    }
    return r;
  }

  @Override
  public Class<?> predictBeanType(Class<?> beanClass, String beanName) {
    List<GuardFactory<?>> handlers = registry().handlersOf(beanClass);
    return handlers.size() == 1 ? handlers.get(0).handler() : null;
  }

  @Override
  public Class<?> determineBeanType(Class<?> beanClass, String beanName) {
    Class<?> predicted = predictBeanType(beanClass, beanName);
    return predicted != null ? predicted : beanClass;
  }

  @Override
  public Object getEarlyBeanReference(Object bean, String beanName) {
    Object guarded = guardOf(bean, beanName);
    if (guarded != bean) {
      earlyReferences.put(beanName, bean);
    }
    return guarded;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (beanName != null && earlyReferences.remove(beanName, bean)) {
      return bean; // the container exposes the guard that getEarlyBeanReference made
    }
    return guardOf(bean, beanName);
  }

  private Object guardOf(Object bean, String beanName) throws BeansException {
    List<GuardFactory<?>> handlers = registry().handlersOf(bean.getClass());
    if (handlers.isEmpty()) {
      return bean;
    }
    String described = describe(bean, beanName);
    if (handlers.size() > 1) {
      StringJoiner names = new StringJoiner(", ");
      handlers.forEach(f -> names.add(f.handler().getName()));
      throw new ApoJwtStartupException(
          described
              + " implements "
              + handlers.size()
              + " handler interfaces ("
              + names
              + "), and a guard implements one: apojwt cannot replace it by its guard.",
          "Split "
              + bean.getClass().getSimpleName()
              + " into one class per handler interface, each a bean implementing one of them"
              + " (they may share a helper bean that implements none).");
    }
    Class<?> handler = handlers.get(0).handler();
    if (AnnotatedElementUtils.hasAnnotation(bean.getClass(), Controller.class)) {
      throw new ApoJwtStartupException(
          described
              + " is a controller implementing the handler interface "
              + handler.getName()
              + ": its guard would be no controller, and its routes would be lost.",
          "Move the implementation into a @Service implementing "
              + handler.getSimpleName()
              + ", and let the controller inject "
              + handler.getSimpleName()
              + " (the guard) and call it.");
    }
    return guard(handlers.get(0), bean, described);
  }

  @SuppressWarnings("unchecked")
  private <T> T guard(GuardFactory<T> factory, Object bean, String described) {
    try {
      return factory.guard((T) bean, jwt());
    } catch (IllegalStateException needsMore) {
      // The guard says what the ApoJwt lacks (a refresh configuration, a token finder).
      throw new ApoJwtStartupException(
          described + " cannot be guarded: " + needsMore.getMessage(),
          "Set apojwt.refresh.secret for @Refresh methods, or give your own ApoJwt bean what"
              + " the message names.");
    }
  }

  private ApoJwt jwt() {
    ApoJwt j = jwt;
    if (j == null) {
      j = beanFactory.getBean(ApoJwt.class);
      jwt = j;
    }
    return j;
  }

  /** The safety net: no bean of a handler interface that is not its guard. */
  @Override
  public void afterSingletonsInstantiated() {
    GuardRegistry r = registry();
    for (GuardFactory<?> factory : r.factories()) {
      Map<String, ?> beans = beanFactory.getBeansOfType(factory.handler(), false, false);
      for (Map.Entry<String, ?> bean : beans.entrySet()) {
        if (!r.isGuard(bean.getValue().getClass())) {
          throw new ApoJwtStartupException(
              describe(bean.getValue(), bean.getKey())
                  + " implements the handler interface "
                  + factory.handler().getName()
                  + " but is not its guard: it was registered as an object, which no"
                  + " post-processor sees, and would be reachable unguarded.",
              "Declare it as a bean (@Service, @Component or a @Bean method) so that apojwt"
                  + " replaces it by its guard, or register its guard instead.");
        }
      }
    }
  }

  private static String describe(Object bean, String beanName) {
    return "The bean '" + beanName + "' (" + bean.getClass().getName() + ")";
  }
}
