package dev.apojwt.test;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The methods of a handler interface by the signature its access table names them with: the
 * method's name and its parameter types as seen from the handler (a type variable of a super
 * interface replaced by the handler's argument), erased, with canonical class names — as the
 * processor writes them, e.g. {@code find(java.lang.String)} for {@code Readable<K>.find(K)} of a
 * handler that extends {@code Readable<String>}.
 */
final class HandlerMethods {
  private final Class<?> handler;
  private final Map<TypeVariable<?>, Type> bindings = new HashMap<>();
  private final Map<String, Method> bySignature = new LinkedHashMap<>();

  HandlerMethods(Class<?> handler) {
    this.handler = handler;
    bind(handler);
    for (Method method : handler.getMethods()) {
      if (!Modifier.isStatic(method.getModifiers()) && !isObjectMethod(method)) {
        bySignature.putIfAbsent(signature(method), method);
      }
    }
  }

  /** The guarded methods by signature. */
  Map<String, Method> bySignature() {
    return bySignature;
  }

  /** The signature of {@code method}, a method of the handler or of one of its super interfaces. */
  String signature(Method method) {
    StringBuilder s = new StringBuilder(method.getName()).append('(');
    Type[] parameters = method.getGenericParameterTypes();
    for (int i = 0; i < parameters.length; i++) {
      s.append(i == 0 ? "" : ", ").append(erasedName(parameters[i]));
    }
    return s.append(')').toString();
  }

  Class<?> handler() {
    return handler;
  }

  /** Records what each super interface's type variables stand for, seen from the handler. */
  private void bind(Class<?> type) {
    for (Type superInterface : type.getGenericInterfaces()) {
      if (superInterface instanceof ParameterizedType) {
        ParameterizedType p = (ParameterizedType) superInterface;
        Class<?> raw = (Class<?>) p.getRawType();
        TypeVariable<?>[] variables = raw.getTypeParameters();
        Type[] arguments = p.getActualTypeArguments();
        for (int i = 0; i < variables.length; i++) {
          bindings.putIfAbsent(variables[i], arguments[i]);
        }
        bind(raw);
      } else {
        bind((Class<?>) superInterface);
      }
    }
  }

  private String erasedName(Type type) {
    if (type instanceof Class) {
      Class<?> c = (Class<?>) type;
      if (c.isArray()) {
        return erasedName(c.getComponentType()) + "[]";
      }
      String canonical = c.getCanonicalName();
      return canonical != null ? canonical : c.getName();
    }
    if (type instanceof ParameterizedType) {
      return erasedName(((ParameterizedType) type).getRawType());
    }
    if (type instanceof GenericArrayType) {
      return erasedName(((GenericArrayType) type).getGenericComponentType()) + "[]";
    }
    if (type instanceof TypeVariable) {
      Type bound = bindings.get(type);
      // Unbound (the handler's own, or a method's): erased to its first bound.
      return erasedName(bound != null ? bound : ((TypeVariable<?>) type).getBounds()[0]);
    }
    if (type instanceof WildcardType) {
      return erasedName(((WildcardType) type).getUpperBounds()[0]);
    }
    throw new IllegalArgumentException("unexpected type " + type);
  }

  /** equals, hashCode and toString, which guards do not guard. */
  static boolean isObjectMethod(Method method) {
    try {
      Object.class.getMethod(method.getName(), method.getParameterTypes());
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
