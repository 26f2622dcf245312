package com.example;

import com.sun.net.httpserver.HttpServer;
import dev.apojwt.templatetests.HelloCheck;
import dev.apojwt.templatetests.ReadmeSnippets;
import org.junit.jupiter.api.Test;

/** README's minimal service on the JDK's HTTP server works, and README shows it as it is. */
class HelloServiceTest {
  @Test
  void greetsTheTokensSubject() throws Exception {
    HttpServer server = HelloService.start(HelloCheck.SECRET, 0);
    try {
      HelloCheck.assertGreets(server.getAddress().getPort());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void readmeShowsIt() throws Exception {
    ReadmeSnippets.assertShown("apojwt-httpserver/src/test/java/com/example/HelloService.java");
  }
}
