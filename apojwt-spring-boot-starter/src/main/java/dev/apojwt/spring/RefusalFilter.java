package dev.apojwt.spring;

import dev.apojwt.AuthFailure;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a guard's refusal that escapes the {@code DispatcherServlet}: a guard called in a servlet
 * filter of the application, or in a servlet of its own. Without it the container would answer 500
 * through Spring Boot's error page. Any other exception goes on as it was.
 */
final class RefusalFilter extends OncePerRequestFilter {
  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (RuntimeException | ServletException e) {
      AuthFailure failure = Refusals.failureOf(e);
      if (failure == null || response.isCommitted()) {
        throw e;
      }
      Refusals.answer(response, failure);
    }
  }

  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return false;
  }
}
