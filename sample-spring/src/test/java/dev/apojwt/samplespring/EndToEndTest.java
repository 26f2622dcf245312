package dev.apojwt.samplespring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apojwt.samplespring.api.AuthApi;
import dev.apojwt.samplespring.api.GuardedAuthApi;
import dev.apojwt.samplespring.api.GuardedNotesApi;
import dev.apojwt.samplespring.api.NotesApi;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The service over real HTTP: login, every access rule for every demo user, refresh. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EndToEndTest {
  private static final String MISSING =
      "{\"error\":\"missing_token\",\"message\":\"JWT is missing - Token Finder failed\"}";
  private static final List<String> USERS = List.of("alice", "bob", "carol", "dave", "root", "eve");

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  private Client client;

  @BeforeEach
  void client() {
    client = new Client(port);
  }

  @Test
  void loginIssuesAnAccessTokenAndAHardenedRefreshCookie() {
    HttpResponse<String> r = client.login("bob", "bob-demo");
    assertEquals(200, r.statusCode(), r::body);
    assertTrue(
        r.body()
            .matches(
                "\\{\"access_token\":\"[^\"]+\",\"token_type\":\"Bearer\","
                    + "\"expires_in\":900}"),
        r::body);
    assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
    String cookie = r.headers().firstValue("Set-Cookie").orElse("");
    for (String attribute :
        List.of("Path=/auth", "Max-Age=86400", "Secure", "HttpOnly", "SameSite=Strict")) {
      assertTrue(cookie.contains(attribute), cookie);
    }
    HttpResponse<String> wrong = client.login("bob", "alice-demo");
    assertEquals(400, wrong.statusCode());
    assertTrue(wrong.body().contains("\"error\":\"invalid_grant\""), wrong::body);
    assertEquals(400, client.login("mallory", "x").statusCode());
  }

  /** Who may do what: every route for every demo user, and for no token. */
  @Test
  void everyAccessRuleForEveryUser() {
    long id = created(client.access("bob"), "bob's note");
    Map<String, String> expected = new LinkedHashMap<>();
    // route -> the status each of alice, bob, carol, dave, root, eve gets
    expected.put("GET /auth/me", "200 200 200 200 200 200");
    expected.put("GET /notes/mine", "200 200 200 200 200 200");
    expected.put("GET /notes/" + id, "200 200 200 200 200 403");
    expected.put("POST /notes", "403 201 201 403 201 403");
    expected.put("GET /notes", "403 403 200 200 200 403");
    expected.put("DELETE /notes/999999", "403 403 404 403 404 403");
    List<String> differences = new ArrayList<>();
    for (Map.Entry<String, String> route : expected.entrySet()) {
      String[] request = route.getKey().split(" ");
      String json = request[0].equals("POST") ? "{\"text\":\"a note\"}" : null;
      HttpResponse<String> anonymous = client.send(request[0], request[1], json);
      if (anonymous.statusCode() != 401 || !anonymous.body().equals(MISSING)) {
        differences.add(route.getKey() + " without a token: " + anonymous.statusCode());
      }
      List<String> got = new ArrayList<>();
      for (String user : USERS) {
        String token = client.access(user);
        HttpResponse<String> r =
            client.send(request[0], request[1], json, "Authorization", Client.bearer(token));
        got.add(String.valueOf(r.statusCode()));
        if (r.statusCode() == 403) {
          assertEquals(
              "{\"error\":\"forbidden\",\"message\":\"JWT does not have permission for this"
                  + " action\"}",
              r.body());
        }
      }
      if (!String.join(" ", got).equals(route.getValue())) {
        differences.add(route.getKey() + ": expected " + route.getValue() + ", got " + got);
      }
    }
    assertEquals(List.of(), differences);
    HttpResponse<String> deleted =
        client.send(
            "DELETE", "/notes/" + id, null, "Authorization", Client.bearer(client.access("carol")));
    assertEquals(204, deleted.statusCode());
  }

  @Test
  void ownNotesAreTheCallersAndValidationComesAfterTheToken() {
    String eve = client.access("eve");
    String bob = client.access("bob");
    created(bob, "only bob's");
    HttpResponse<String> mine =
        client.send("GET", "/notes/mine", null, "Authorization", Client.bearer(eve));
    assertEquals("[]", mine.body());
    assertEquals(401, client.send("POST", "/notes", "{\"text\":\"\"}").statusCode());
    HttpResponse<String> blank =
        client.send("POST", "/notes", "{\"text\":\" \"}", "Authorization", Client.bearer(bob));
    assertEquals(400, blank.statusCode());
    assertTrue(blank.body().contains("\"error\":\"invalid_request\""), blank::body);
  }

  @Test
  void refreshTakesTheRefreshCookieOnlyAndIssuesNewTokens() {
    HttpResponse<String> login = client.login("carol", "carol-demo");
    String refresh = Client.refreshOf(login);
    HttpResponse<String> refreshed =
        client.send("POST", "/auth/refresh", null, "Cookie", "refresh_token=" + refresh);
    assertEquals(200, refreshed.statusCode(), refreshed::body);
    String access = Client.accessOf(refreshed);
    HttpResponse<String> all =
        client.send("GET", "/notes", null, "Authorization", Client.bearer(access));
    assertEquals(200, all.statusCode());
    // An access token is no refresh token, a refresh token no access token.
    HttpResponse<String> wrongKind =
        client.send(
            "POST", "/auth/refresh", null, "Cookie", "refresh_token=" + Client.accessOf(login));
    assertEquals(401, wrongKind.statusCode());
    assertTrue(wrongKind.body().contains("\"error\":\"wrong_token_kind\""), wrongKind::body);
    HttpResponse<String> asAccess =
        client.send("GET", "/notes/mine", null, "Authorization", Client.bearer(refresh));
    assertEquals(401, asAccess.statusCode());
    HttpResponse<String> noCookie =
        client.send("POST", "/auth/refresh", null, "Authorization", Client.bearer(refresh));
    assertEquals(401, noCookie.statusCode());
    assertTrue(noCookie.body().contains("\"error\":\"missing_token\""), noCookie::body);
    HttpResponse<String> logout = client.send("POST", "/auth/logout", null);
    assertTrue(logout.headers().firstValue("Set-Cookie").orElse("").contains("Max-Age=0"));
  }

  @Test
  void theActuatorServesEveryAccessTable() {
    HttpResponse<String> r = client.send("GET", "/actuator/apojwt", null);
    assertEquals(200, r.statusCode(), r::body);
    assertTrue(r.body().contains("\"dev.apojwt.samplespring.api.AuthApi\""), r::body);
    assertTrue(
        r.body()
            .contains(
                "{\"method\":\"all()\",\"rule\":\"ANY_OF\",\"permissions\":[\"notes:admin\","
                    + "\"support\"]"),
        r::body);
  }

  @Test
  void theHandlerBeansAreTheirGuards() {
    assertInstanceOf(GuardedNotesApi.class, context.getBean(NotesApi.class));
    assertInstanceOf(GuardedAuthApi.class, context.getBean(AuthApi.class));
  }

  private long created(String token, String text) {
    HttpResponse<String> r =
        client.send(
            "POST", "/notes", "{\"text\":\"" + text + "\"}", "Authorization", Client.bearer(token));
    assertEquals(201, r.statusCode(), r::body);
    return Long.parseLong(r.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
  }
}
