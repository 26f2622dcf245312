package com.example.hello;

import com.example.greetings.Greetings;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@SpringBootApplication
public class HelloApplication {
  public static void main(String[] args) {
    SpringApplication.run(HelloApplication.class, args); // apojwt.secret from APOJWT_SECRET
  }
}

@Service // replaced by its guard, GuardedGreetings: no @Bean, no glue
class GreetingsService implements Greetings {
  @Override
  public String hello(String user) {
    return "hello " + user;
  }
}

@RestController
class HelloController {
  private final Greetings greetings; // the guard

  HelloController(Greetings greetings) {
    this.greetings = greetings;
  }

  @GetMapping("/hello")
  String hello() {
    return greetings.hello(null); // the guard passes the token's subject
  }
}
