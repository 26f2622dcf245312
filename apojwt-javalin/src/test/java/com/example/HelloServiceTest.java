package com.example;

import dev.apojwt.templatetests.HelloCheck;
import dev.apojwt.templatetests.ReadmeSnippets;
import io.javalin.Javalin;
import org.junit.jupiter.api.Test;

/** README's minimal service on Javalin works, and README shows it as it is. */
class HelloServiceTest {
  @Test
  void greetsTheTokensSubject() throws Exception {
    Javalin javalin = HelloService.start(HelloCheck.SECRET, 0);
    try {
      HelloCheck.assertGreets(javalin.port());
    } finally {
      javalin.stop();
    }
  }

  @Test
  void readmeShowsIt() throws Exception {
    ReadmeSnippets.assertShown(
        "apojwt-template-tests/src/main/java/com/example/greetings/Greetings.java");
    ReadmeSnippets.assertShown("apojwt-javalin/src/test/java/com/example/HelloService.java");
  }
}
