package dev.apojwt.spring;

import dev.apojwt.Invocation;
import dev.apojwt.RequestTemplate;
import dev.apojwt.Templates;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;
import java.util.Iterator;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * apojwt's template for Spring MVC: the access token from the current request's one {@code
 * Authorization: Bearer} header, the refresh token from its refresh cookie. The current request is
 * the one Spring binds to the thread for the duration of each request ({@link
 * RequestContextHolder}, set by the {@code DispatcherServlet} and Boot's {@code
 * RequestContextFilter}), or an {@link HttpServletRequest} passed to the guarded method; a guard
 * called on another thread or outside any request finds no token.
 *
 * <p>The starter makes one from {@code apojwt.refresh.cookie} and gives it to the {@code ApoJwt} it
 * builds; an application that defines its own {@code ApoJwt} bean injects it: {@code
 * ApoJwt.builder().template(springMvcTemplate)...}. The starter answers refused calls (its
 * exception handler returns the guard's {@code ApoJwtException}) as DESIGN's templates do.
 *
 * <p>Immutable and thread-safe.
 */
public final class SpringMvcTemplate extends RequestTemplate<HttpServletRequest> {
  private SpringMvcTemplate(String refreshCookie) {
    super(HttpServletRequest.class, refreshCookie);
  }

  /** The template with the refresh cookie {@code refresh_token}. */
  public static SpringMvcTemplate create() {
    return new SpringMvcTemplate(Templates.DEFAULT_REFRESH_COOKIE);
  }

  /**
   * The template with the refresh cookie {@code refreshCookieName}.
   *
   * @throws IllegalArgumentException if the name is not an RFC 6265 cookie name
   */
  public static SpringMvcTemplate create(String refreshCookieName) {
    return new SpringMvcTemplate(refreshCookieName);
  }

  /** An {@link HttpServletRequest} argument of the call, else Spring's current request. */
  @Override
  protected HttpServletRequest request(Invocation call) {
    HttpServletRequest passed = call.argument(HttpServletRequest.class);
    if (passed != null) {
      return passed;
    }
    RequestAttributes current = RequestContextHolder.getRequestAttributes();
    return current instanceof ServletRequestAttributes
        ? ((ServletRequestAttributes) current).getRequest()
        : null;
  }

  @Override
  protected Iterator<String> headers(HttpServletRequest request, String name) {
    Enumeration<String> values = request.getHeaders(name);
    return values == null ? null : values.asIterator();
  }
}
