package com.example.hello;

import dev.apojwt.templatetests.HelloCheck;
import dev.apojwt.templatetests.ReadmeSnippets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** README's minimal Spring Boot service works, and README shows it as it is. */
class HelloApplicationTest {
  @Test
  void greetsTheTokensSubject() throws Exception {
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(HelloApplication.class)
            .properties(
                "server.port=0",
                "server.address=127.0.0.1",
                "spring.main.banner-mode=off",
                "apojwt.secret=" + HelloCheck.SECRET)
            .run()) {
      HelloCheck.assertGreets(
          Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }
  }

  @Test
  void readmeShowsIt() throws Exception {
    ReadmeSnippets.assertShown(
        "apojwt-spring-boot-starter/src/test/java/com/example/hello/HelloApplication.java");
  }
}
