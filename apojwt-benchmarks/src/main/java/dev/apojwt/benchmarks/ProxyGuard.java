package dev.apojwt.benchmarks;

import dev.apojwt.ApoJwt;
import dev.apojwt.AuthFailure;
import dev.apojwt.VerifiedToken;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a reflection-based library does: a {@link java.lang.reflect.Proxy} whose handler looks up
 * the method's rule (read once from RUNTIME annotations, then cached per {@link Method}), finds the
 * token among the arguments, verifies it with the same {@link ApoJwt}, checks the permission and
 * calls the implementation with {@link Method#invoke}. The checks are the generated guard's; only
 * the mechanism differs.
 */
final class ProxyGuard implements InvocationHandler {

  /**
   * A RUNTIME twin of {@code @PermissionRequired}, since apojwt's annotations are CLASS retention.
   */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface Requires {
    String value();
  }

  /** A RUNTIME twin of {@code @BearerToken}. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.PARAMETER)
  @interface Bearer {}

  /** The same handler interface as {@link Orders}, annotated for reflection. */
  interface ReflectiveOrders {
    @Requires(Fixtures.PERMISSION)
    String get(Orders.Request request, String id);

    @Requires(Fixtures.PERMISSION)
    String byHeader(@Bearer String authorization, String id);
  }

  private static final class Rule {
    final String permission;
    final int bearerIndex;

    Rule(Method method) {
      Requires requires = method.getAnnotation(Requires.class);
      this.permission = requires == null ? null : requires.value();
      int index = -1;
      java.lang.annotation.Annotation[][] parameters = method.getParameterAnnotations();
      for (int i = 0; i < parameters.length; i++) {
        for (java.lang.annotation.Annotation annotation : parameters[i]) {
          if (annotation instanceof Bearer) {
            index = i;
          }
        }
      }
      this.bearerIndex = index;
    }
  }

  private final Object delegate;
  private final ApoJwt jwt;
  private final Map<Method, Rule> rules = new ConcurrentHashMap<>();

  private ProxyGuard(Object delegate, ApoJwt jwt) {
    this.delegate = delegate;
    this.jwt = jwt;
  }

  static ReflectiveOrders guard(ReflectiveOrders delegate, ApoJwt jwt) {
    return (ReflectiveOrders)
        Proxy.newProxyInstance(
            ReflectiveOrders.class.getClassLoader(),
            new Class<?>[] {ReflectiveOrders.class},
            new ProxyGuard(delegate, jwt));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return method.invoke(delegate, args);
    }
    Rule rule = rules.computeIfAbsent(method, Rule::new);
    if (rule.permission != null) {
      String header = null;
      if (rule.bearerIndex >= 0) {
        header = (String) args[rule.bearerIndex];
      } else {
        for (Object argument : args) {
          if (argument instanceof Orders.Request) {
            header = ((Orders.Request) argument).authorization;
          }
        }
      }
      VerifiedToken token = jwt.verify(GuardBenchmark.stripBearer(header));
      if (!token.hasPermission(rule.permission)) {
        throw new IllegalStateException(AuthFailure.Reason.FORBIDDEN.name());
      }
    }
    try {
      return method.invoke(delegate, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** The implementation behind the proxy. */
  static final class Service implements ReflectiveOrders {
    @Override
    public String get(Orders.Request request, String id) {
      return id;
    }

    @Override
    public String byHeader(String authorization, String id) {
      return id;
    }
  }
}
