package dev.apojwt.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The starter's header limit is a default: the application's setting wins. */
class HeaderLimitDefaultTest {
  @Test
  void raisesTheDefaultTo32Kilobytes() {
    StandardEnvironment environment = new StandardEnvironment();
    new HeaderLimitDefault().postProcessEnvironment(environment, new SpringApplication());
    assertEquals("32KB", environment.getProperty(HeaderLimitDefault.PROPERTY));
  }

  @Test
  void anyValueTheApplicationSetsWins() {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("app", Map.of(HeaderLimitDefault.PROPERTY, "8KB")));
    new HeaderLimitDefault().postProcessEnvironment(environment, new SpringApplication());
    assertEquals("8KB", environment.getProperty(HeaderLimitDefault.PROPERTY));
  }
}
