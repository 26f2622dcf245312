package dev.apojwt.spring;

import dev.apojwt.AuthFailure;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers a guard's refusal thrown while the {@code DispatcherServlet} handles a request (in a
 * controller, an interceptor, an argument resolver, or a failed {@code CompletionStage} on the
 * asynchronous dispatch). Ordered before Spring MVC's own resolvers, so that no
 * {@code @ControllerAdvice} of the application (an {@code @ExceptionHandler(Exception.class)}, say)
 * nor Spring's {@code ProblemDetail} handling turns a 401 into a 500 or another body.
 */
final class RefusalResolver implements HandlerExceptionResolver, Ordered {
  /**
   * After Spring Boot's {@code DefaultErrorAttributes} (highest precedence, which only records the
   * exception), before the {@code @ExceptionHandler} resolvers (order 0).
   */
  static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

  @Override
  public ModelAndView resolveException(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    AuthFailure failure = Refusals.failureOf(ex);
    if (failure == null || response.isCommitted()) {
      return null;
    }
    try {
      Refusals.answer(response, failure);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ModelAndView(); // handled: no view, no error page
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
