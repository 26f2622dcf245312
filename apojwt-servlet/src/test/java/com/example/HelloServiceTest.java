package com.example;

import dev.apojwt.templatetests.HelloCheck;
import dev.apojwt.templatetests.ReadmeSnippets;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.Test;

/** README's minimal service on Tomcat works, and README shows it as it is. */
class HelloServiceTest {
  @Test
  void greetsTheTokensSubject() throws Exception {
    Tomcat tomcat = HelloService.start(HelloCheck.SECRET, 0);
    try {
      HelloCheck.assertGreets(tomcat.getConnector().getLocalPort());
    } finally {
      tomcat.stop();
      tomcat.destroy();
    }
  }

  @Test
  void readmeShowsIt() throws Exception {
    ReadmeSnippets.assertShown("apojwt-servlet/src/test/java/com/example/HelloService.java");
  }
}
