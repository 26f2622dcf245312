package com.example;

import com.example.greetings.GuardedGreetings;
import dev.apojwt.ApoJwt;
import dev.apojwt.servlet.ServletTemplate;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;

public final class HelloService {
  public static void main(String[] args) throws Exception {
    start(System.getenv("JWT_SECRET"), 8080).getServer().await();
  }

  static Tomcat start(String secret, int port) throws Exception {
    ServletTemplate web = ServletTemplate.create();
    ApoJwt jwt = ApoJwt.builder().secret(secret).template(web).build();
    GuardedGreetings greetings = new GuardedGreetings(user -> "hello " + user, jwt);
    HttpServlet hello =
        new HttpServlet() {
          @Override
          protected void doGet(HttpServletRequest request, HttpServletResponse response)
              throws IOException {
            response.setContentType("text/plain;charset=utf-8");
            response.getWriter().write(greetings.hello());
          }
        };

    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
    tomcat.setHostname("127.0.0.1");
    tomcat.setPort(port);
    tomcat.getConnector().setProperty("address", "127.0.0.1");
    Context context = tomcat.addContext("", null);
    context.addServletContainerInitializer(
        (classes, servlets) -> {
          servlets.addFilter("apojwt", web.filter()).addMappingForUrlPatterns(null, false, "/*");
          servlets.addServlet("hello", hello).addMapping("/hello");
        },
        null);
    tomcat.start();
    return tomcat;
  }
}
