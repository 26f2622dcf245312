package dev.apojwt;

import java.util.Iterator;

/**
 * The part of a {@link Template} that every framework shares, for a framework whose request object
 * {@code R} carries the headers: the finders read the request passed as an argument of the guarded
 * call (a handler method that takes it), else the one the template's hook bound to the current
 * thread. A template implements {@link #headers} and a hook that brackets the framework's handling
 * of each request with {@link #bind} and {@link #unbind} (in a {@code finally}) and answers refused
 * calls as {@link Templates} says; by default its {@link #exceptionHandler()} hands the hook the
 * guard's {@link ApoJwtException} as it is.
 *
 * <p>Nothing is bound outside the hook: a guard called on another thread, or outside any request,
 * finds no token and refuses with {@link AuthFailure.Reason#MISSING_TOKEN}.
 *
 * @param <R> the framework's request type
 */
public abstract class RequestTemplate<R> implements Template {
  private final Class<R> requestType;
  private final String refreshCookie;
  private final ThreadLocal<R> current = new ThreadLocal<>();

  /**
   * @param requestType what an argument of the guarded call must be to count as the request
   * @param refreshCookieName the refresh cookie's name
   * @throws IllegalArgumentException if the name is not an RFC 6265 cookie name
   */
  protected RequestTemplate(Class<R> requestType, String refreshCookieName) {
    this.requestType = requestType;
    this.refreshCookie = Templates.checkCookieName(refreshCookieName);
  }

  /** Every header of {@code request} named {@code name}, one value per header line, or null. */
  protected abstract Iterator<String> headers(R request, String name);

  /**
   * The request of {@code call}: its first argument of the request type, else the request bound to
   * this thread, else null. A template whose handlers take another type (Javalin's {@code Context})
   * overrides it.
   */
  protected R request(Invocation call) {
    R passed = call.argument(requestType);
    return passed != null ? passed : current.get();
  }

  /**
   * Binds {@code request} to this thread for the guards; returns what was bound before, to be given
   * to {@link #unbind} in a {@code finally} when the framework's thread leaves the request.
   */
  protected final R bind(R request) {
    R outer = current.get();
    current.set(request);
    return outer;
  }

  /**
   * Binds back what {@link #bind} returned (nothing, but for a nested dispatch): the thread keeps
   * no reference to the request.
   */
  protected final void unbind(R outer) {
    current.set(outer);
  }

  /** The name of the refresh cookie. */
  public final String refreshCookieName() {
    return refreshCookie;
  }

  /** {@link Templates#bearerToken} of the request's {@code Authorization} headers. */
  @Override
  public final TokenFinder tokenFinder() {
    return call -> Templates.bearerToken(headersOf(call, "Authorization"));
  }

  /** {@link Templates#cookie} of the request's {@code Cookie} headers. */
  @Override
  public final TokenFinder refreshFinder() {
    return call -> Templates.cookie(headersOf(call, "Cookie"), refreshCookie);
  }

  /** The guard's refusal as it is, an {@link ApoJwtException}, for the hook to answer. */
  @Override
  public ExceptionHandler exceptionHandler() {
    return (failure, call) -> new ApoJwtException(failure);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[refreshCookie=" + refreshCookie + "]";
  }

  private Iterator<String> headersOf(Invocation call, String name) {
    R request = request(call);
    return request == null ? null : headers(request, name);
  }
}
