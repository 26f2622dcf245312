package dev.apojwt;

/**
 * Everything a service would otherwise write by hand for one web framework: where the access token
 * and the refresh token of the current request are, and how a refused call becomes the framework's
 * HTTP answer. The successor of apojwt's {@code template="flask"}. Give it to {@link
 * ApoJwt.Builder#template(Template)}; a finder or handler set on the builder explicitly wins over
 * the template's.
 *
 * <p>apojwt ships {@code JavalinTemplate} ({@code apojwt-javalin}), {@code ServletTemplate} ({@code
 * apojwt-servlet}) and {@code HttpServerTemplate} ({@code apojwt-httpserver}). A template for
 * another framework implements these three methods so that it behaves as they do, most simply by
 * extending {@link RequestTemplate} and answering refusals as {@link Templates} says: its hook
 * binds the current request for the duration of the request (and unbinds it afterwards, also on
 * failure), its finders read that request, and the hook turns the exception its handler returns
 * into the response.
 */
public interface Template {
  /**
   * The access token of the current request: its one {@code Authorization: Bearer} header. Throws
   * an {@link ApoJwtException} with {@link AuthFailure.Reason#INVALID_REQUEST} when the request has
   * two or more {@code Authorization} headers.
   */
  TokenFinder tokenFinder();

  /**
   * The refresh token of the current request: its refresh cookie. Throws an {@link ApoJwtException}
   * with {@link AuthFailure.Reason#INVALID_REQUEST} when the request has two or more cookies of
   * that name.
   */
  TokenFinder refreshFinder();

  /** A refused call -> the exception the framework (or the template's hook) answers with. */
  ExceptionHandler exceptionHandler();
}
