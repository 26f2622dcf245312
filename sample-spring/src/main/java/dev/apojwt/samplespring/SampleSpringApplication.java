package dev.apojwt.samplespring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A notes service on Spring Boot with apojwt's starter: the handler interfaces in {@code api},
 * their implementations as plain {@code @Service}s (the starter replaces each by its guard),
 * controllers that call the interfaces.
 */
@SpringBootApplication
public class SampleSpringApplication {
  public static void main(String[] args) {
    SpringApplication.run(SampleSpringApplication.class, args);
  }
}
