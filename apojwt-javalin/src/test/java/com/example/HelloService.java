package com.example;

import com.example.greetings.GuardedGreetings;
import dev.apojwt.ApoJwt;
import dev.apojwt.javalin.JavalinTemplate;
import io.javalin.Javalin;

public final class HelloService {
  public static void main(String[] args) {
    start(System.getenv("JWT_SECRET"), 8080);
  }

  static Javalin start(String secret, int port) {
    JavalinTemplate web = JavalinTemplate.create();
    ApoJwt jwt = ApoJwt.builder().secret(secret).template(web).build();
    GuardedGreetings greetings = new GuardedGreetings(user -> "hello " + user, jwt);

    return Javalin.create(
            config -> {
              web.install(config); // the one line of glue
              config.jetty.host = "127.0.0.1";
              config.jetty.port = port;
              config.routes.get("/hello", ctx -> ctx.result(greetings.hello()));
            })
        .start();
  }
}
