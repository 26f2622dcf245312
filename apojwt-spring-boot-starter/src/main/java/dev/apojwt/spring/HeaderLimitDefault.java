package dev.apojwt.spring;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Raises the web server's default request header limit from 8 KB to 32 KB, below every other
 * property source, so that {@code server.max-http-request-header-size} set anywhere wins.
 *
 * <p>Why: guards refuse a token over 8192 characters themselves (401 {@code malformed}, in JSON),
 * but with 8 KB for all headers together, a long token, or a token and a refresh cookie, never
 * reach them: Tomcat answers its own HTML 400 page. 32 KB holds a token and a refresh cookie of the
 * maximum length beside ordinary headers (proxies commonly allow 32 to 64 KB); a request with more
 * still gets the server's 400, which quotes nothing of the request.
 *
 * <p>Registered in {@code META-INF/spring.factories} under Boot 3's key, which Boot 4 still reads.
 */
@SuppressWarnings("deprecation") // org.springframework.boot.EnvironmentPostProcessor in Boot 4
final class HeaderLimitDefault
    implements org.springframework.boot.env.EnvironmentPostProcessor, Ordered {
  static final String PROPERTY = "server.max-http-request-header-size";
  static final String DEFAULT = "32KB";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    environment
        .getPropertySources()
        .addLast(new MapPropertySource("apojwt-defaults", Map.of(PROPERTY, DEFAULT)));
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
