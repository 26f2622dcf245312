package dev.apojwt.spring;

import dev.apojwt.templatetests.Fixture;
import dev.apojwt.templatetests.GuardedApi;
import dev.apojwt.templatetests.Routes;
import dev.apojwt.templatetests.TemplateSuite;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.CompletionStage;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shared template suite on a real Spring Boot application (embedded Tomcat, Spring MVC), the
 * starter's auto-configuration answering refusals: the same behaviour as every other template.
 */
class SpringMvcTemplateTest extends TemplateSuite {

  SpringMvcTemplateTest() {
    super(SpringMvcTemplate::create, SpringMvcTemplate::create);
  }

  @Override
  protected Server start(Fixture fixture) {
    GuardedApi<HttpServletRequest> api = fixture.api();
    ConfigurableApplicationContext context =
        Apps.web(
            new Class<?>[] {SuiteApp.class},
            app -> {
              app.registerBean(SuiteRoutes.class, () -> new SuiteRoutes(api));
              app.registerBean(
                  "probe", FilterRegistrationBean.class, () -> probeAfterTheHook(fixture));
            },
            "apojwt.secret=" + Apps.SECRET);
    return new Server() {
      @Override
      public int port() {
        return Apps.port(context);
      }

      @Override
      public void close() {
        context.close();
      }
    };
  }

  /** Outermost: the suite's probe, on the request thread once Spring has unbound the request. */
  private static FilterRegistrationBean<Filter> probeAfterTheHook(Fixture fixture) {
    Filter probe =
        (request, response, chain) -> {
          try {
            chain.doFilter(request, response);
          } finally {
            String id = ((HttpServletRequest) request).getHeader(Routes.PROBE_HEADER);
            if (id != null && request.getDispatcherType() == DispatcherType.REQUEST) {
              fixture.probe(id);
            }
          }
        };
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(probe);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class SuiteApp {}

  /** {@link Routes} as a controller calling the suite's guard. */
  @RestController
  static class SuiteRoutes {
    private final GuardedApi<HttpServletRequest> api;

    SuiteRoutes(GuardedApi<HttpServletRequest> api) {
      this.api = api;
    }

    @GetMapping(Routes.OPEN)
    String open() {
      return api.open();
    }

    @GetMapping(Routes.SUBJECT)
    String subject() {
      return api.subject();
    }

    @GetMapping(Routes.SUBJECT_OF)
    String subjectOf(HttpServletRequest request) {
      return api.subjectOf(request, null);
    }

    @GetMapping(Routes.READ)
    String read() {
      return api.read();
    }

    @PostMapping(Routes.REFRESH)
    String refresh() {
      return api.refresh();
    }

    @GetMapping(Routes.BEARER)
    String bearer(@RequestHeader(value = Routes.TOKEN_HEADER, required = false) String token) {
      return api.bearer(token, null);
    }

    @GetMapping(Routes.LATER)
    CompletionStage<String> later() {
      return api.later();
    }

    @GetMapping(Routes.FAILS)
    String fails() {
      return api.fails();
    }

    @GetMapping(Routes.UNAVAILABLE)
    String unavailable() {
      return api.unavailable();
    }
  }
}
