package dev.apojwt.spring;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Starts Spring Boot applications for the tests on a free loopback port, with API that Boot 3.5 and
 * 4.0 share (these tests run on both).
 */
final class Apps {
  /** A secret the tests' applications are started with. */
  static final String SECRET = "spring-starter-test-access-secret-32-bytes+";

  static final String REFRESH_SECRET = "spring-starter-test-refresh-secret-32-bytes+";

  private Apps() {}

  /** A web application of {@code sources} with {@code properties} ("name=value") added. */
  static ConfigurableApplicationContext web(Class<?>[] sources, String... properties) {
    return web(sources, context -> {}, properties);
  }

  /** As {@link #web(Class[], String...)}, {@code initializer} registering objects first. */
  static ConfigurableApplicationContext web(
      Class<?>[] sources, Consumer<GenericApplicationContext> initializer, String... properties) {
    List<String> all = new ArrayList<>();
    all.add("server.port=0");
    all.add("server.address=127.0.0.1");
    all.add("spring.main.banner-mode=off");
    all.add("logging.level.root=WARN");
    // The container logs the application's own exceptions (the suite's /fails) at ERROR.
    all.add("logging.level.org.apache.catalina.core=OFF");
    all.add("spring.jmx.enabled=false");
    all.addAll(List.of(properties));
    return new SpringApplicationBuilder(sources)
        .properties(all.toArray(new String[0]))
        .initializers(context -> initializer.accept((GenericApplicationContext) context))
        .run();
  }

  /** The application's port. */
  static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }

  /** Runs {@code sources} without a web server; for start-up failures. */
  static ConfigurableApplicationContext plain(Class<?>[] sources, String... properties) {
    SpringApplication app = new SpringApplicationBuilder(sources).build();
    List<String> all = new ArrayList<>(List.of(properties));
    all.add("spring.main.web-application-type=none");
    all.add("spring.main.banner-mode=off");
    all.add("spring.jmx.enabled=false");
    String[] args = all.stream().map(p -> "--" + p).toArray(String[]::new);
    return app.run(args);
  }
}
