package com.example;

import com.example.greetings.GuardedGreetings;
import com.sun.net.httpserver.HttpServer;
import dev.apojwt.ApoJwt;
import dev.apojwt.httpserver.HttpServerTemplate;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

public final class HelloService {
  public static void main(String[] args) throws IOException {
    start(System.getenv("JWT_SECRET"), 8080);
  }

  static HttpServer start(String secret, int port) throws IOException {
    HttpServerTemplate web = HttpServerTemplate.create();
    ApoJwt jwt = ApoJwt.builder().secret(secret).template(web).build();
    GuardedGreetings greetings = new GuardedGreetings(user -> "hello " + user, jwt);

    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server
        .createContext(
            "/hello",
            exchange -> {
              byte[] body = greetings.hello().getBytes(StandardCharsets.UTF_8);
              exchange.sendResponseHeaders(200, body.length);
              try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
              }
            })
        .getFilters()
        .add(web.filter()); // the one line of glue
    server.start();
    return server;
  }
}
