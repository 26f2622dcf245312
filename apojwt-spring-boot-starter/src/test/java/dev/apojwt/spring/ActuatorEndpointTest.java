package dev.apojwt.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.notes.NotesController;
import com.example.notes.NotesService;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/** The Actuator endpoint {@code apojwt} serves the access table of every guarded handler. */
class ActuatorEndpointTest {
  @Test
  void servesEveryGuardsAccessTableAsJson() {
    try (ConfigurableApplicationContext app =
        Apps.web(
            new Class<?>[] {App.class},
            "apojwt.secret=" + Apps.SECRET,
            "apojwt.refresh.secret=" + Apps.REFRESH_SECRET,
            "management.endpoints.web.exposure.include=apojwt")) {
      HttpResponse<String> r = Http.get(Apps.port(app), "/actuator/apojwt");
      assertEquals(200, r.statusCode(), r::body);
      assertTrue(
          r.headers().firstValue("Content-Type").orElse("").contains("json"),
          r.headers()::toString);
      String body = r.body().replace(" ", "");
      String notes =
          "{\"handlers\":{\"com.example.notes.NotesApi\":{\"beans\":[\"com.example.notes.NotesService\"],"
              + "\"methods\":["
              + "{\"method\":\"open()\",\"rule\":\"PUBLIC\"},"
              + "{\"method\":\"mine(java.lang.String)\",\"rule\":\"TOKEN\"},"
              + "{\"method\":\"purge(java.lang.String)\",\"rule\":\"ALL_OF\","
              + "\"permissions\":[\"notes:admin\"],\"accepted\":{\"notes:admin\":[\"notes:admin\"]}},"
              + "{\"method\":\"refresh(java.util.Map)\",\"rule\":\"REFRESH\"}]}}}";
      assertEquals(notes, body);
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import({NotesService.class, NotesController.class})
  static class App {}
}
