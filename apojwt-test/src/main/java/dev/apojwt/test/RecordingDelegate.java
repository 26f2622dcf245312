package dev.apojwt.test;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The implementation that the access matrix gives the guard: a proxy of the handler interface that
 * records which methods were called and returns an empty answer (null, zero, false, an empty
 * Optional, a completed future).
 */
final class RecordingDelegate {
  private final HandlerMethods methods;
  private final List<String> calls = new ArrayList<>();
  private final Object proxy;

  RecordingDelegate(HandlerMethods methods) {
    this.methods = methods;
    Class<?> handler = methods.handler();
    this.proxy =
        Proxy.newProxyInstance(
            handler.getClassLoader(), new Class<?>[] {handler}, (p, m, args) -> answer(p, m, args));
  }

  Object proxy() {
    return proxy;
  }

  /** The signatures of the methods called since the last {@link #reset}, in order. */
  synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  synchronized void reset() {
    calls.clear();
  }

  private Object answer(Object self, Method method, Object[] args) {
    if (method.getDeclaringClass() == Object.class) {
      switch (method.getName()) {
        case "equals":
          return self == args[0];
        case "hashCode":
          return System.identityHashCode(self);
        default:
          return "the access matrix's recording " + methods.handler().getName();
      }
    }
    record(methods.signature(method));
    return emptyAnswer(method.getReturnType());
  }

  private synchronized void record(String signature) {
    calls.add(signature);
  }

  /** What the delegate returns: the type's zero, or an empty value the guard can pass on. */
  static Object emptyAnswer(Class<?> type) {
    if (type.isPrimitive()) {
      return zero(type);
    }
    if (type == Optional.class) {
      return Optional.empty();
    }
    if (type != Object.class && type.isAssignableFrom(CompletableFuture.class)) {
      return CompletableFuture.completedFuture(null);
    }
    return null;
  }

  /** The zero (false, '\0') of a primitive type, boxed as that type; null for void. */
  static Object zero(Class<?> type) {
    if (type == int.class) {
      return 0;
    }
    if (type == long.class) {
      return 0L;
    }
    if (type == double.class) {
      return 0d;
    }
    if (type == float.class) {
      return 0f;
    }
    if (type == short.class) {
      return (short) 0;
    }
    if (type == byte.class) {
      return (byte) 0;
    }
    if (type == boolean.class) {
      return false;
    }
    if (type == char.class) {
      return '\0';
    }
    return null;
  }
}
