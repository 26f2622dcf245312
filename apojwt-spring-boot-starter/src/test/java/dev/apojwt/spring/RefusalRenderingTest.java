package dev.apojwt.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.example.notes.GuardedNotesApi;
import com.example.notes.NotesApi;
import com.example.notes.NotesController;
import com.example.notes.NotesService;
import dev.apojwt.ApoJwt;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refusals are answered as DESIGN's templates say (status, challenge, no-store, JSON) whatever else
 * the application has: a {@code @RestControllerAdvice} handling every exception, Spring's {@code
 * ProblemDetail} handling, a servlet filter of its own calling a guard, and Tomcat's header limit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusalRenderingTest {
  private static final String MISSING =
      "{\"error\":\"missing_token\",\"message\":\"JWT is missing - Token Finder failed\"}";

  private ConfigurableApplicationContext app;
  private int port;
  private ApoJwt jwt;

  @BeforeAll
  void start() {
    app =
        Apps.web(
            new Class<?>[] {App.class},
            "apojwt.secret=" + Apps.SECRET,
            "apojwt.refresh.secret=" + Apps.REFRESH_SECRET,
            "spring.mvc.problemdetails.enabled=true");
    port = Apps.port(app);
    jwt = app.getBean(ApoJwt.class);
  }

  @AfterAll
  void stop() {
    app.close();
  }

  private static void assertMissingToken(HttpResponse<String> r) {
    assertEquals(401, r.statusCode(), r::body);
    assertEquals("Bearer", r.headers().firstValue("WWW-Authenticate").orElse(null));
    assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
    assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(null));
    assertEquals(MISSING, r.body());
  }

  @Test
  void refusalsAreAnsweredBeforeTheApplicationsControllerAdvice() {
    assertMissingToken(Http.get(port, "/mine"));
    String token = jwt.createToken("bob", List.of(), Map.of());
    HttpResponse<String> forbidden = Http.post(port, "/purge", "Authorization", "Bearer " + token);
    assertEquals(403, forbidden.statusCode(), forbidden::body);
    assertEquals(
        "Bearer error=\"insufficient_scope\", error_description=\"JWT does not have permission"
            + " for this action\"",
        forbidden.headers().firstValue("WWW-Authenticate").orElse(null));
    assertEquals(
        "{\"error\":\"forbidden\",\"message\":\"JWT does not have permission for this action\"}",
        forbidden.body());
    // The advice is there, and answers the application's own exceptions.
    HttpResponse<String> own = Http.get(port, "/boom", "Authorization", "Bearer " + token);
    assertEquals(500, own.statusCode());
    assertEquals("advice: the application's own failure", own.body());
  }

  @Test
  void theTokenIsReadAndTheImplementationCalledWhenAllowed() {
    String token = jwt.createToken("alice", List.of("notes:admin"), Map.of());
    HttpResponse<String> mine = Http.get(port, "/mine", "Authorization", "Bearer " + token);
    assertEquals(200, mine.statusCode(), mine::body);
    assertEquals("notes of alice", mine.body());
    assertNull(mine.headers().firstValue("WWW-Authenticate").orElse(null));
    String refresh =
        jwt.createTokens("alice", List.of(), Map.of(), Map.of("user_id", "u-7")).refresh();
    HttpResponse<String> refreshed =
        Http.post(port, "/refresh", "Cookie", "refresh_token=" + refresh);
    assertEquals("refreshed u-7", refreshed.body());
  }

  @Test
  void aNineKilobyteAuthorizationHeaderIsARefusalNotTomcatsPage() {
    HttpResponse<String> r =
        Http.get(port, "/mine", "Authorization", "Bearer " + "A".repeat(9 * 1024));
    assertEquals(401, r.statusCode(), r::body);
    assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(null));
    assertEquals(
        "{\"error\":\"malformed\",\"message\":\"Bad Format - JWT could not be decoded\"}",
        r.body());
  }

  @Test
  void headersBeyondTheLimitGetTheServersBareAnswerQuotingNothing() {
    HttpResponse<String> r =
        Http.get(port, "/mine", "Authorization", "Bearer " + "A".repeat(40_000));
    assertEquals(400, r.statusCode(), r::body);
    assertFalse(r.body().contains("AAAA"), r::body);
  }

  @Test
  void aGuardCalledInAServletFilterOfTheApplicationIsAnsweredToo() {
    assertMissingToken(Http.get(port, "/filtered"));
    String token = jwt.createToken("carol", List.of(), Map.of());
    HttpResponse<String> ok = Http.get(port, "/filtered", "Authorization", "Bearer " + token);
    assertEquals(200, ok.statusCode(), ok::body);
    assertEquals("filtered for notes of carol", ok.body());
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import({NotesController.class, App.Boom.class, App.Advice.class})
  static class App {
    /** The application's own wiring of a guard: a guard bean is kept as it is. */
    @Bean
    NotesApi notes(ApoJwt jwt) {
      return new GuardedNotesApi(new NotesService(), jwt);
    }

    /** A filter of the application's that calls a guard before any controller. */
    @Bean
    FilterRegistrationBean<Filter> filterCallingAGuard(NotesApi notes) {
      Filter filter =
          (request, response, chain) -> {
            if (((HttpServletRequest) request).getRequestURI().equals("/filtered")) {
              response.setContentType("text/plain");
              response.getWriter().write("filtered for " + notes.mine(null));
              return;
            }
            chain.doFilter(request, response);
          };
      FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
      registration.addUrlPatterns("/filtered");
      return registration;
    }

    @RestController
    static class Boom {
      @GetMapping("/boom")
      String boom() {
        throw new IllegalStateException("the application's own failure");
      }
    }

    /** Handles every exception, as many applications' advice does. */
    @RestControllerAdvice
    static class Advice {
      @ExceptionHandler(Exception.class)
      ResponseEntity<String> any(Exception e) {
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
            .body("advice: " + e.getMessage());
      }
    }
  }
}
