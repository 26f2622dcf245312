package dev.apojwt.processor;

import dev.apojwt.AccessTable;
import dev.apojwt.ApoJwt;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * A generated guard loaded from an in-memory compilation, around a {@link Recorder}. The tests
 * cannot name the compiled types, so calls go through reflection (the guards use none).
 */
final class GuardHandle {
  final Object guard;
  final Recorder recorder;

  /** {@code new Guarded<Name>(recorder, jwt)} for handler interface {@code qualifiedName}. */
  GuardHandle(ClassLoader loader, String qualifiedName, Recorder recorder, ApoJwt jwt)
      throws Throwable {
    this.recorder = recorder;
    Class<?> type = Class.forName(qualifiedName, true, loader);
    Constructor<?> constructor =
        guardClass(loader, qualifiedName).getConstructor(type, ApoJwt.class);
    this.guard = unwrap(() -> constructor.newInstance(recorder.implementation(type), jwt));
  }

  /**
   * Calls the guard's instance method {@code method} that takes as many parameters as {@code
   * arguments} has (a guard may also have an overload without the injected parameters); rethrows
   * what it throws.
   */
  Object call(String method, Object... arguments) throws Throwable {
    Method target = null;
    for (Method m : guard.getClass().getMethods()) {
      if (m.getName().equals(method)
          && !Modifier.isStatic(m.getModifiers())
          && !m.isBridge()
          && m.getParameterCount() == arguments.length) {
        if (target != null) {
          throw new AssertionError(guard.getClass().getName() + " has two methods " + method);
        }
        target = m;
      }
    }
    if (target == null) {
      throw new AssertionError(guard.getClass().getName() + " has no method " + method);
    }
    Method found = target;
    return unwrap(() -> found.invoke(guard, arguments));
  }

  /** {@code Guarded<Name>.accessTable()}. */
  static AccessTable accessTable(ClassLoader loader, String qualifiedName) throws Throwable {
    Method accessTable = guardClass(loader, qualifiedName).getMethod("accessTable");
    return (AccessTable) unwrap(() -> accessTable.invoke(null));
  }

  static Class<?> guardClass(ClassLoader loader, String qualifiedName)
      throws ClassNotFoundException {
    int dot = qualifiedName.lastIndexOf('.');
    String guard =
        qualifiedName.substring(0, dot + 1) + "Guarded" + qualifiedName.substring(dot + 1);
    return Class.forName(guard, true, loader);
  }

  @FunctionalInterface
  interface Reflective {
    Object run() throws ReflectiveOperationException;
  }

  static Object unwrap(Reflective call) throws Throwable {
    try {
      return call.run();
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
