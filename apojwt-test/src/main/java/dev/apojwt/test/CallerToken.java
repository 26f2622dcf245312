package dev.apojwt.test;

import dev.apojwt.ApoJwtException;
import dev.apojwt.ExceptionHandler;
import dev.apojwt.Template;
import dev.apojwt.TokenFinder;

/**
 * The token that the caller of a guarded method presents, in a test: what a request's {@code
 * Authorization} header (or refresh cookie) would carry in production. {@link #finder()} is the
 * {@link TokenFinder} that reads it, and {@link #template()} the {@link Template} made of it; the
 * {@code ApoJwt} of {@link ApoJwtTest @ApoJwtTest} has that template, and {@link AccessMatrix}
 * presents its tokens through it.
 *
 * <pre>{@code
 * Orders orders = new GuardedOrders(new OrdersService(), jwt);
 * Order order = CallerToken.call(tokens.permissions("orders:read").access(), () -> orders.get("1"));
 * }</pre>
 *
 * <p>The token is bound to the calling thread for the duration of {@link #call} or {@link #run} and
 * unbound afterwards, also when the call throws; a guard called outside them, or on another thread,
 * finds no token (401 {@code MISSING_TOKEN}), as a guard called outside any request does.
 */
public final class CallerToken {
  private static final ThreadLocal<String> PRESENTED = new ThreadLocal<>();
  private static final TokenFinder FINDER = call -> PRESENTED.get();
  private static final ExceptionHandler AS_IT_IS = (failure, call) -> new ApoJwtException(failure);
  private static final Template TEMPLATE =
      new Template() {
        @Override
        public TokenFinder tokenFinder() {
          return FINDER;
        }

        @Override
        public TokenFinder refreshFinder() {
          return FINDER;
        }

        @Override
        public ExceptionHandler exceptionHandler() {
          return AS_IT_IS;
        }

        @Override
        public String toString() {
          return "CallerToken.template()";
        }
      };

  private CallerToken() {}

  /** A call that returns a value, and may throw what the guarded method declares. */
  @FunctionalInterface
  public interface Call<T, E extends Exception> {
    T call() throws E;
  }

  /** A call that returns nothing, and may throw what the guarded method declares. */
  @FunctionalInterface
  public interface Action<E extends Exception> {
    void run() throws E;
  }

  /**
   * The token finder that reads the token presented on this thread (null when none is): give it to
   * {@code ApoJwt.builder().tokenFinder(...)} and, for {@code @Refresh} methods, as the refresh
   * finder. A token of either kind is presented the same way; the guard decides whether it is the
   * kind the method needs.
   */
  public static TokenFinder finder() {
    return FINDER;
  }

  /**
   * The template of tests, for {@code ApoJwt.builder().template(...)}: access and refresh tokens
   * from {@link #finder()}, and refused calls thrown as the guard's {@link ApoJwtException}. It
   * needs no hook: {@link #call} and {@link #run} bind the token.
   */
  public static Template template() {
    return TEMPLATE;
  }

  /**
   * Calls {@code call} with {@code token} presented (null: no token), and returns its result.
   *
   * @throws E what {@code call} throws, e.g. the guard's {@code ApoJwtException}
   */
  public static <T, E extends Exception> T call(String token, Call<T, E> call) throws E {
    String outer = PRESENTED.get();
    PRESENTED.set(token);
    try {
      return call.call();
    } finally {
      restore(outer);
    }
  }

  /**
   * Runs {@code action} with {@code token} presented (null: no token).
   *
   * @throws E what {@code action} throws, e.g. the guard's {@code ApoJwtException}
   */
  public static <E extends Exception> void run(String token, Action<E> action) throws E {
    call(
        token,
        () -> {
          action.run();
          return null;
        });
  }

  /** The token presented on this thread, or null. */
  public static String current() {
    return PRESENTED.get();
  }

  private static void restore(String outer) {
    if (outer == null) {
      PRESENTED.remove(); // the thread keeps no reference, as after a request
    } else {
      PRESENTED.set(outer);
    }
  }
}
