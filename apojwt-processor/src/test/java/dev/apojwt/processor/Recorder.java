package dev.apojwt.processor;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The implementation behind a guard in the behavioural tests: a dynamic proxy of the handler
 * interface (compiled in memory, so the tests cannot name it) that records every call. Default
 * methods run their own code; other methods answer as told, else with a plain value.
 */
final class Recorder implements InvocationHandler {

  /** One call that reached the implementation. */
  record Call(String method, List<Object> arguments) {}

  /** How a method answers; may throw anything the method declares. */
  @FunctionalInterface
  interface Answer {
    Object answer(Object[] arguments) throws Throwable;
  }

  final List<Call> calls = new ArrayList<>();
  private final Map<String, Answer> answers = new HashMap<>();

  static Recorder create() {
    return new Recorder();
  }

  Recorder answer(String method, Answer answer) {
    answers.put(method, answer);
    return this;
  }

  /** An implementation of {@code type} that records into this recorder. */
  Object implementation(Class<?> type) {
    return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, this);
  }

  /** The arguments of the only call so far. */
  List<Object> onlyCall(String method) {
    if (calls.size() != 1 || !calls.get(0).method().equals(method)) {
      throw new AssertionError("expected exactly one call of " + method + ", got " + calls);
    }
    return calls.get(0).arguments();
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      switch (method.getName()) {
        case "equals":
          return proxy == args[0];
        case "hashCode":
          return System.identityHashCode(proxy);
        default:
          return "Recorder";
      }
    }
    calls.add(new Call(method.getName(), args == null ? List.of() : Arrays.asList(args)));
    Answer answer = answers.get(method.getName());
    if (answer != null) {
      return answer.answer(args);
    }
    if (method.isDefault()) {
      return InvocationHandler.invokeDefault(proxy, method, args);
    }
    Class<?> returns = method.getReturnType();
    if (returns == int.class) {
      return args == null ? 0 : args.length;
    }
    if (returns == boolean.class) {
      return false;
    }
    if (CompletionStage.class.isAssignableFrom(returns)) {
      return CompletableFuture.completedFuture(method.getName());
    }
    return returns == String.class ? method.getName() : null;
  }
}
