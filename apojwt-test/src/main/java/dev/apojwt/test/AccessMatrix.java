package dev.apojwt.test;

import dev.apojwt.AccessRule;
import dev.apojwt.AccessTable;
import dev.apojwt.ApoJwt;
import dev.apojwt.ApoJwtException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.opentest4j.AssertionFailedError;

/**
 * Checks that a guard refuses and admits exactly what an access table says: for every method of the
 * table it calls the guard, in front of a recording delegate, with
 *
 * <ul>
 *   <li>no token (401, the delegate not called), a token of the wrong kind (a refresh token, if
 *       {@code jwt} has refresh configured, where an access token is needed and the reverse: 401),
 *       an expired one and one signed with another key (401);
 *   <li>for each required permission, the strongest token that lacks it: every other permission the
 *       table names (403); for {@code anyOf}, one holding none of them (403);
 *   <li>the weakest sufficient token (the delegate called): the required permissions themselves,
 *       for {@code anyOf} each alternative in turn, and each permission that implies one after
 *       {@code @Implies} in its place; the admin permission of {@code jwt} alone, if it has one;
 *   <li>for {@code @Public}, no token at all (called).
 * </ul>
 *
 * and fails with one table of every case whose outcome differed. The expectations come from {@code
 * table} alone: give it the table you reviewed (the guard's own {@code accessTable()}, which {@link
 * AccessSnapshot} holds against the reviewed file), and the matrix shows whether the guard enforces
 * it.
 *
 * <pre>{@code
 * @ApoJwtTest(adminPermission = "admin")
 * class OrdersAccessTest {
 *   @Test
 *   void everyMethodRefusesWhatItShould(ApoJwt jwt) {
 *     AccessMatrix.check(Orders.class, GuardedOrders.accessTable(), d -> new GuardedOrders(d, jwt), jwt);
 *   }
 * }
 * }</pre>
 *
 * <p><b>How tokens reach the guard.</b> A method with a {@code @BearerToken} parameter gets the
 * token as that argument; every other method's token is presented with {@link CallerToken}, so
 * {@code jwt}'s token finder (and refresh finder) must read {@link CallerToken#finder()}: the
 * {@code ApoJwt} of {@link ApoJwtTest @ApoJwtTest} does, and so does any built with {@code
 * .template(CallerToken.template())}. An application's own {@code ApoJwt}, whose template reads the
 * framework's current request, finds none of the matrix's tokens (the matrix says so when it
 * fails): give the matrix one with the application's admin permission and {@code
 * CallerToken.template()} instead, most simply {@code @ApoJwtTest(adminPermission = ...)}. Its
 * exception handler must hand the guard's {@link ApoJwtException} on as it is (as the templates'
 * do), since the matrix reads the refusal's status and reason from it. The other arguments are null
 * (zero or false for primitives). A method returning a {@code CompletionStage} counts as refused
 * when its stage fails with the {@code ApoJwtException}.
 */
public final class AccessMatrix {
  private static final long ASYNC_TIMEOUT_SECONDS = 10;

  private AccessMatrix() {}

  /**
   * Runs the matrix of {@code table} against the guard that {@code guard} makes of a recording
   * implementation of {@code handler}.
   *
   * @param handler the handler interface
   * @param table the rules the guard must enforce, e.g. {@code GuardedOrders.accessTable()}
   * @param guard makes the guard of a delegate, e.g. {@code d -> new GuardedOrders(d, jwt)}
   * @param jwt what the matrix signs tokens with; the guard should verify with it
   * @throws AssertionFailedError listing every case whose outcome differed from the table's
   * @throws IllegalArgumentException if {@code table} is not of {@code handler}, {@code handler} is
   *     not an interface, {@code jwt} cannot sign, or the guard cannot be made
   */
  public static <H> void check(
      Class<H> handler, AccessTable table, Function<H, H> guard, ApoJwt jwt) {
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(guard, "guard");
    Objects.requireNonNull(jwt, "jwt");
    if (!handler.isInterface()) {
      throw new IllegalArgumentException(
          handler.getName()
              + " is not an interface: give the handler interface, e.g. Orders.class");
    }
    String name = handler.getCanonicalName();
    if (!table.handler().equals(name)) {
      throw new IllegalArgumentException(
          "the access table is of " + table.handler() + ", not of " + name);
    }
    HandlerMethods methods = new HandlerMethods(handler);
    RecordingDelegate delegate = new RecordingDelegate(methods);
    H guarded = make(handler, guard, delegate);
    MatrixCases cases = new MatrixCases(jwt, table);
    MatrixReport report = new MatrixReport(name);
    Set<String> inTable = new HashSet<>();
    for (AccessRule rule : table.rules()) {
      inTable.add(rule.signature());
      Method method = methods.bySignature().get(rule.signature());
      if (method == null) {
        report.differs(
            rule.signature(), "the method", "-", "in " + handler.getSimpleName(), "none");
        continue;
      }
      method.setAccessible(true); // a package-private handler's methods
      for (MatrixCases.Case c : cases.of(rule)) {
        String actual = run(guarded, method, rule, c, delegate);
        report.ran(rule.signature(), c, actual);
      }
    }
    for (Map.Entry<String, Method> method : methods.bySignature().entrySet()) {
      if (!inTable.contains(method.getKey())) {
        report.differs(method.getKey(), "its rule", "-", "in the table", "none");
      }
    }
    report.failIfAnyDiffered();
  }

  private static <H> H make(Class<H> handler, Function<H, H> guard, RecordingDelegate delegate) {
    H guarded;
    try {
      guarded = guard.apply(handler.cast(delegate.proxy()));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "the guard could not be made: "
              + e.getMessage()
              + " (for the matrix, use an ApoJwt built with .template(CallerToken.template()),"
              + " such as @ApoJwtTest's)",
          e);
    }
    if (guarded == null) {
      throw new IllegalArgumentException("the guard function returned null");
    }
    return guarded;
  }

  /** Calls the guard once and says what happened, in the terms of {@link MatrixCases}. */
  private static String run(
      Object guard,
      Method method,
      AccessRule rule,
      MatrixCases.Case c,
      RecordingDelegate delegate) {
    Object[] arguments = new Object[method.getParameterCount()];
    Class<?>[] types = method.getParameterTypes();
    for (int i = 0; i < arguments.length; i++) {
      arguments[i] = RecordingDelegate.zero(types[i]);
    }
    // Only where the rule says the token comes from.
    String presented = c.throughFinder() ? c.token() : null;
    if (!c.throughFinder()) {
      arguments[c.argument()] = c.token();
    }
    delegate.reset();
    Throwable thrown = null;
    try {
      Object result = CallerToken.call(presented, () -> method.invoke(guard, arguments));
      if (result instanceof CompletionStage) {
        thrown = failureOf((CompletionStage<?>) result);
      }
    } catch (InvocationTargetException e) {
      thrown = e.getCause();
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(
          "the matrix cannot call " + method + ": open its package to dev.apojwt.test", e);
    }
    return describe(rule.signature(), delegate.calls(), thrown);
  }

  /** The failure a returned stage completes with, or null when it succeeds. */
  private static Throwable failureOf(CompletionStage<?> stage) {
    try {
      stage.toCompletableFuture().get(ASYNC_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException | CompletionException e) {
      return e.getCause();
    } catch (TimeoutException e) {
      return new IllegalStateException(
          "the returned stage did not complete within " + ASYNC_TIMEOUT_SECONDS + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e;
    }
  }

  private static String describe(String signature, List<String> calls, Throwable thrown) {
    List<String> parts = new ArrayList<>();
    List<String> others = new ArrayList<>(calls);
    boolean called = others.remove(signature);
    if (called) {
      parts.add(MatrixCases.CALLED);
    }
    if (!others.isEmpty()) {
      parts.add("called " + String.join(", ", others));
    }
    if (thrown instanceof ApoJwtException) {
      ApoJwtException refusal = (ApoJwtException) thrown;
      parts.add(refusal.status() + " " + refusal.failure().code());
    } else if (thrown != null) {
      String message = String.valueOf(thrown.getMessage());
      parts.add(
          "threw "
              + thrown.getClass().getName()
              + ": "
              + (message.length() > 80 ? message.substring(0, 77) + "..." : message));
    } else if (!called) {
      parts.add("returned without calling the delegate");
    }
    return String.join(", then ", parts);
  }
}
