package dev.apojwt.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apojwt.javalin.JavalinTemplate;
import dev.apojwt.sample.api.AccountApi;
import dev.apojwt.sample.api.AdminApi;
import dev.apojwt.sample.api.AuthApi;
import dev.apojwt.sample.api.OrdersApi;
import dev.apojwt.sample.api.Perms;
import dev.apojwt.sample.api.SystemApi;
import dev.apojwt.sample.auth.RefreshCookie;
import dev.apojwt.sample.config.AppConfig;
import dev.apojwt.sample.testing.Http;
import dev.apojwt.sample.testing.Http.Response;
import dev.apojwt.test.TestClock;
import dev.apojwt.test.TestTokens;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service over real HTTP: started on a free loopback port with the default demo users and a
 * clock the tests control, driven with {@link java.net.http.HttpClient}.
 */
class EndToEndTest {
  static final TestClock CLOCK = TestClock.at(Instant.parse("2026-03-01T12:00:00Z"));
  static SampleApp app;
  static Http http;

  /** Tokens of the service's own token configuration, made without logging in. */
  static TestTokens tokens;

  @BeforeAll
  static void start() {
    AppConfig config =
        AppConfig.fromEnvironment(
            Map.of(
                "PORT", "0",
                "JWT_SECRET", "an access secret for the end-to-end tests, 32+ bytes",
                "JWT_REFRESH_SECRET", "a refresh secret for the end-to-end tests, 32+ bytes",
                // Tests may lower the PBKDF2 work; the default stays 600000.
                "PASSWORD_HASH_ITERATIONS", "1000"),
            new SecureRandom());
    app = SampleApp.start(config, CLOCK);
    http = new Http(app.port());
    tokens =
        TestTokens.of(SampleApp.apoJwt(config, CLOCK, JavalinTemplate.create(RefreshCookie.NAME)));
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  /** What a login returns: the access token and the refresh cookie's value. */
  record Login(String access, String refresh, Response response) {}

  static Login login(String user) {
    Response r =
        http.post("/login", "{\"username\":\"" + user + "\",\"password\":\"" + user + "-demo\"}");
    assertEquals(200, r.status, r::toString);
    return new Login(r.json().get("access_token").asText(), r.cookieValue("refresh_token"), r);
  }

  static String refreshCookie(String value) {
    return "refresh_token=" + value;
  }

  static void assertError(Response r, int status, String error) {
    assertEquals(status, r.status, r::toString);
    assertEquals(error, r.json().get("error").asText(), r::toString);
    assertTrue(r.json().get("message").asText().length() > 0, r::toString);
    assertTrue(r.header("Content-Type").orElse("").startsWith("application/json"), r::toString);
  }

  /** A 401 for a token: JSON error and an RFC 6750 challenge. */
  static void assertUnauthorized(Response r, String error, String message) {
    assertError(r, 401, error);
    assertEquals(message, r.json().get("message").asText(), r::toString);
    String challenge = r.header("WWW-Authenticate").orElseThrow(() -> new AssertionError(r));
    assertTrue(challenge.startsWith("Bearer"), challenge);
    if (!error.equals("missing_token")) {
      assertTrue(challenge.contains("error=\"invalid_token\""), challenge);
    }
  }

  static void assertForbidden(Response r) {
    assertError(r, 403, "forbidden");
    String challenge = r.header("WWW-Authenticate").orElseThrow(() -> new AssertionError(r));
    assertTrue(challenge.contains("error=\"insufficient_scope\""), challenge);
  }

  static String placeOrder(String token, String item) {
    Response r =
        http.post(
            "/orders",
            "{\"item\":\"" + item + "\",\"quantity\":2}",
            "Authorization",
            "Bearer " + token);
    assertEquals(201, r.status, r::toString);
    String id = r.json().get("id").asText();
    assertEquals("/orders/" + id, r.header("Location").orElseThrow());
    return id;
  }

  // ------------------------------------------------------------------ public and login

  @Test
  void healthIsPublic() {
    Response r = http.get("/health");
    assertEquals(200, r.status);
    assertEquals("ok", r.json().get("status").asText());
  }

  @Test
  void loginReturnsTheAccessTokenAndSetsAHardenedRefreshCookie() {
    Login alice = login("alice");
    JsonNode body = alice.response().json();
    assertEquals("Bearer", body.get("token_type").asText());
    assertEquals(900, body.get("expires_in").asInt());
    assertEquals(Set.of("access_token", "token_type", "expires_in"), fieldNames(body));
    assertEquals("no-store", alice.response().header("Cache-Control").orElse(""));
    assertNotEquals(alice.access(), alice.refresh());

    String cookie = alice.response().setCookie("refresh_token").orElseThrow();
    List<String> attributes = attributes(cookie);
    assertTrue(attributes.contains("httponly"), cookie);
    assertTrue(attributes.contains("secure"), cookie);
    assertTrue(attributes.contains("samesite=strict"), cookie);
    assertTrue(attributes.contains("path=/"), cookie);
    assertTrue(attributes.contains("max-age=86400"), cookie);
  }

  @Test
  void loginRefusesWrongPasswordsAndUnknownUsersAlike() {
    Response wrong = http.post("/login", "{\"username\":\"alice\",\"password\":\"bob-demo\"}");
    Response unknown =
        http.post("/login", "{\"username\":\"mallory\",\"password\":\"alice-demo\"}");
    for (Response r : List.of(wrong, unknown)) {
      assertError(r, 401, "invalid_credentials");
      assertTrue(r.header("WWW-Authenticate").isPresent(), r::toString);
      assertTrue(r.setCookie("refresh_token").isEmpty(), r::toString);
    }
    assertEquals(wrong.raw.body(), unknown.raw.body());
  }

  @Test
  void loginRefusesMalformedRequests() {
    for (String body :
        List.of(
            "{\"username\":\"alice\",\"password\":",
            "not json",
            "[\"alice\",\"alice-demo\"]",
            "{\"username\":\"alice\"}",
            "{\"username\":\"alice\",\"password\":42}",
            "{\"username\":\"alice\",\"password\":\"alice-demo\",\"admin\":true}",
            "{\"username\":\"alice\",\"password\":\"alice-demo\",\"username\":\"root\"}",
            "")) {
      assertError(http.post("/login", body), 400, "bad_request");
    }
    Response form = http.post("/login", null, "Content-Type", "application/x-www-form-urlencoded");
    assertError(form, 415, "unsupported_media_type");
    Response huge =
        http.post("/login", "{\"username\":\"alice\",\"password\":\"" + "x".repeat(20_000) + "\"}");
    assertError(huge, 413, "content_too_large");
  }

  // ------------------------------------------------------------------ the access rules

  @Test
  void tokenRequiredNeedsAToken() {
    Response none = http.get("/orders/mine");
    assertUnauthorized(none, "missing_token", "JWT is missing - Token Finder failed");
    assertEquals("Bearer", none.header("WWW-Authenticate").orElseThrow());

    Response eve = http.getWith(login("eve").access(), "/orders/mine");
    assertEquals(200, eve.status, eve::toString);
    assertTrue(eve.json().isArray());
  }

  @Test
  void tokenSubjectSeparatesEachUsersOrders() {
    String bob = login("bob").access();
    String id = placeOrder(bob, "subject test");
    assertTrue(ids(http.getWith(bob, "/orders/mine")).contains(id));
    assertFalse(ids(http.getWith(login("alice").access(), "/orders/mine")).contains(id));
    JsonNode order = http.getWith(bob, "/orders/" + id).json();
    assertEquals("bob", order.get("owner").asText());
    assertEquals("subject test", order.get("item").asText());
  }

  @Test
  void meShowsEveryInjectedValue() {
    Response r = http.getWith(login("carol").access(), "/me");
    assertEquals(200, r.status, r::toString);
    JsonNode me = r.json();
    assertEquals("carol", me.get("username").asText());
    assertEquals("[\"orders:admin\"]", me.get("permissions").toString());
    assertEquals(CLOCK.instant().getEpochSecond(), me.get("data").get("auth_time").asLong());
    assertEquals("apojwt-sample", me.get("issuer").asText());
    assertEquals("[\"apojwt-sample\"]", me.get("audience").toString());
    assertEquals(CLOCK.instant().plusSeconds(900).toString(), me.get("expires_at").asText());
  }

  @Test
  void readNeedsOrdersReadOrAPermissionThatImpliesIt() {
    String id = placeOrder(login("bob").access(), "read test");
    for (String user : List.of("alice", "bob", "carol", "dave", "root")) {
      Response r = http.getWith(login(user).access(), "/orders/" + id);
      assertEquals(200, r.status, () -> user + ": " + r);
    }
    assertForbidden(http.getWith(login("eve").access(), "/orders/" + id));
    assertError(http.getWith(login("alice").access(), "/orders/ord-999999"), 404, "not_found");
  }

  @Test
  void writeNeedsOrdersWrite() {
    for (String user : List.of("alice", "dave", "eve")) {
      Response r =
          http.post(
              "/orders",
              "{\"item\":\"x\",\"quantity\":1}",
              "Authorization",
              "Bearer " + login(user).access());
      assertForbidden(r);
    }
    placeOrder(login("bob").access(), "write test");
    placeOrder(login("carol").access(), "orders:admin implies orders:write");
    placeOrder(login("root").access(), "admin passes");
  }

  @Test
  void writeValidatesTheOrderAfterTheCheck() {
    String bob = login("bob").access();
    for (String body :
        List.of(
            "{\"item\":\"x\"}",
            "{\"item\":\"x\",\"quantity\":0}",
            "{\"item\":\" \",\"quantity\":1}",
            "{\"item\":\"x\",\"quantity\":\"1\"}",
            "{\"item\":\"x\",\"quantity\":1",
            "{\"item\":\"x\",\"quantity\":1,\"owner\":\"alice\"}")) {
      assertError(http.post("/orders", body, "Authorization", "Bearer " + bob), 400, "bad_request");
    }
    // Without the permission the body is never looked at: 403, not 400.
    assertForbidden(
        http.post("/orders", "nonsense", "Authorization", "Bearer " + login("alice").access()));
  }

  @Test
  void deleteNeedsOrdersAdmin() {
    String id = placeOrder(login("bob").access(), "delete test");
    for (String user : List.of("alice", "bob", "dave", "eve")) {
      assertForbidden(
          http.send(
              "DELETE", "/orders/" + id, null, "Authorization", "Bearer " + login(user).access()));
    }
    String carol = login("carol").access();
    assertEquals(
        204, http.send("DELETE", "/orders/" + id, null, "Authorization", "Bearer " + carol).status);
    assertError(http.getWith(carol, "/orders/" + id), 404, "not_found");
    assertError(
        http.send("DELETE", "/orders/" + id, null, "Authorization", "Bearer " + carol),
        404,
        "not_found");
  }

  @Test
  void listingAllOrdersNeedsOrdersAdminOrSupport() {
    String id = placeOrder(login("bob").access(), "anyOf test");
    for (String user : List.of("carol", "dave", "root")) {
      Response r = http.getWith(login(user).access(), "/orders");
      assertEquals(200, r.status, () -> user + ": " + r);
      assertTrue(ids(r).contains(id));
    }
    // orders:write implies orders:read, but neither is in the anyOf.
    for (String user : List.of("alice", "bob", "eve")) {
      assertForbidden(http.getWith(login(user).access(), "/orders"));
    }
  }

  @Test
  void theAdminPermissionPassesEveryCheck() {
    String root = login("root").access();
    String id = placeOrder(root, "root's order");
    assertEquals(200, http.getWith(root, "/orders/" + id).status);
    assertEquals(200, http.getWith(root, "/orders").status);
    assertEquals(
        204, http.send("DELETE", "/orders/" + id, null, "Authorization", "Bearer " + root).status);
    Response users = http.getWith(root, "/admin/users");
    assertEquals(200, users.status, users::toString);
    assertEquals(
        List.of("alice", "bob", "carol", "dave", "root", "eve"),
        StreamSupport.stream(users.json().spliterator(), false)
            .map(u -> u.get("username").asText())
            .collect(Collectors.toList()));
    assertFalse(users.raw.body().contains("pbkdf2"), users.raw.body());
    assertForbidden(http.getWith(login("carol").access(), "/admin/users"));
  }

  // ------------------------------------------------------------------ refresh and logout

  @Test
  void refreshRotatesBothTokensThroughTheCookie() {
    Login first = login("alice");
    Response r = http.post("/refresh", null, "Cookie", refreshCookie(first.refresh()));
    assertEquals(200, r.status, r::toString);
    String access = r.json().get("access_token").asText();
    String refresh = r.cookieValue("refresh_token");
    assertNotEquals(first.access(), access);
    assertNotEquals(first.refresh(), refresh);
    assertEquals("no-store", r.header("Cache-Control").orElse(""));
    List<String> attributes = attributes(r.setCookie("refresh_token").orElseThrow());
    assertTrue(
        attributes.containsAll(
            List.of("httponly", "secure", "samesite=strict", "path=/", "max-age=86400")),
        attributes::toString);

    Response me = http.getWith(access, "/me");
    assertEquals("alice", me.json().get("username").asText());
    // The new refresh token works in turn.
    assertEquals(200, http.post("/refresh", null, "Cookie", refreshCookie(refresh)).status);
  }

  @Test
  void aRefreshTokenWorksOnceAndReusingItEndsTheSession() {
    Login first = login("dave");
    Response second = http.post("/refresh", null, "Cookie", refreshCookie(first.refresh()));
    assertEquals(200, second.status);
    Response replay = http.post("/refresh", null, "Cookie", refreshCookie(first.refresh()));
    assertUnauthorized(replay, "invalid_token", "refresh token was already used; log in again");
    // Whoever holds the newest token may be the thief: the whole session is over.
    Response next =
        http.post("/refresh", null, "Cookie", refreshCookie(second.cookieValue("refresh_token")));
    assertUnauthorized(next, "invalid_token", "session has ended; log in again");
  }

  @Test
  void refreshWithoutACookieIsRefused() {
    assertUnauthorized(
        http.post("/refresh", null),
        "missing_token",
        "Refresh JWT is missing - Refresh Token Finder failed");
  }

  @Test
  void aRefreshTokenIsNoAccessToken() {
    String refresh = login("carol").refresh();
    assertUnauthorized(
        http.getWith(refresh, "/orders/mine"),
        "wrong_token_kind",
        "Wrong token kind - an access JWT is required");
  }

  @Test
  void anAccessTokenIsNoRefreshToken() {
    String access = login("carol").access();
    Response r = http.post("/refresh", null, "Cookie", refreshCookie(access));
    assertUnauthorized(r, "wrong_token_kind", "Wrong token kind - a refresh JWT is required");
    assertTrue(r.setCookie("refresh_token").isEmpty(), r::toString);
    // The refresh endpoint reads only the cookie: a bearer token of either kind is no refresh
    // token.
    assertUnauthorized(
        http.post("/refresh", null, "Authorization", "Bearer " + access),
        "missing_token",
        "Refresh JWT is missing - Refresh Token Finder failed");
  }

  @Test
  void anExpiredAccessTokenIsRefusedAndRefreshStillWorks() {
    Login bob = login("bob");
    assertEquals(200, http.getWith(bob.access(), "/orders/mine").status);
    CLOCK.advance(Duration.ofSeconds(901));
    Response r = http.getWith(bob.access(), "/orders/mine");
    assertUnauthorized(r, "expired", "JWT signature has expired");
    Response refreshed = http.post("/refresh", null, "Cookie", refreshCookie(bob.refresh()));
    assertEquals(200, refreshed.status, refreshed::toString);
    assertEquals(
        200, http.getWith(refreshed.json().get("access_token").asText(), "/orders/mine").status);
  }

  @Test
  void logoutClearsTheCookieAndEndsTheSession() {
    Login eve = login("eve");
    Response r = http.post("/logout", null, "Cookie", refreshCookie(eve.refresh()));
    assertEquals(204, r.status, r::toString);
    String cleared = r.setCookie("refresh_token").orElseThrow();
    assertEquals("", r.cookieValue("refresh_token"));
    List<String> attributes = attributes(cleared);
    assertTrue(attributes.contains("path=/"), cleared);
    assertTrue(
        attributes.contains("max-age=0")
            || attributes.contains("expires=thu, 01 jan 1970 00:00:00 gmt"),
        cleared);
    assertUnauthorized(
        http.post("/refresh", null, "Cookie", refreshCookie(eve.refresh())),
        "invalid_token",
        "session has ended; log in again");
    // Logging out without a cookie, or with a broken one, still just clears it.
    assertEquals(204, http.post("/logout", null).status);
    assertEquals(204, http.post("/logout", null, "Cookie", refreshCookie("garbage")).status);
  }

  // ------------------------------------------------------------------ hostile input

  @Test
  void garbageAuthorizationHeadersAreRefusedNever500() {
    String valid = login("alice").access();
    String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
    String[] parts = valid.split("\\.");
    List<String> values =
        List.of(
            "Bearer",
            "Bearer ",
            "bearer",
            "Basic YWxpY2U6YWxpY2UtZGVtbw==",
            "Bearer a.b.c",
            "Bearer ....",
            "Bearer " + header + "." + parts[1] + ".",
            "Bearer " + parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10),
            "Bearer "
                + parts[0]
                + "."
                + b64("{\"sub\":\"root\",\"perms\":[\"admin\"]}")
                + "."
                + parts[2],
            "Bearer " + valid + "." + valid,
            "Bearer " + valid + " trailing",
            "Bearer Bearer " + valid,
            "Bearer " + "A".repeat(7000),
            "Bearer {\"alg\":\"none\"}",
            "Bearer %00%ff",
            "Token " + valid);
    for (String value : values) {
      Response r = http.get("/orders/mine", "Authorization", value);
      assertEquals(401, r.status, () -> value + " -> " + r);
      assertTrue(r.header("WWW-Authenticate").isPresent(), value);
      assertTrue(r.json().has("error"), value);
      assertFalse(r.raw.body().contains(valid), value);
    }
    // The scheme is case-insensitive (RFC 6750 2.1).
    assertEquals(200, http.get("/orders/mine", "Authorization", "bEaReR " + valid).status);
  }

  @Test
  void realTokensWrongInOneWayAreRefusedForThatReasonEvenWithTheAdminPermission() {
    TestTokens root = tokens.subject("root").permissions(Perms.ADMIN);
    Map<String, String> refusals = new java.util.LinkedHashMap<>();
    refusals.put(root.expired(), "expired");
    refusals.put(root.notYetValid(), "not_yet_valid");
    refusals.put(root.tampered(), "bad_signature");
    refusals.put(root.signedWithAnotherKey(), "bad_signature");
    refusals.put(root.refresh(), "wrong_token_kind");
    refusals.forEach(
        (token, error) -> {
          Response r = http.getWith(token, "/admin/users");
          assertError(r, 401, error);
          String challenge = r.header("WWW-Authenticate").orElse("");
          assertTrue(challenge.contains("error=\"invalid_token\""), r::toString);
        });
    assertEquals(200, http.getWith(root.access(), "/admin/users").status);
  }

  @Test
  void bytesNoHttpClientWouldSendNeverGive500() {
    Map<String, Integer> requests = new java.util.LinkedHashMap<>();
    requests.put(raw("/orders/mine", "Authorization: Bearer \u00ff\u00fe\u0080.x.y\r\n"), 401);
    // Two Authorization headers, or two refresh cookies, make the request ambiguous: 400
    // invalid_request (DESIGN, Templates), where the first one used to win silently.
    requests.put(
        raw("/orders/mine", "Authorization: Bearer a\r\nAuthorization: Bearer b\r\n"), 400);
    requests.put(raw("/orders/mine", "Authorization: " + "B".repeat(20_000) + "\r\n"), 431);
    requests.put(raw("/refresh", "Cookie: refresh_token=\u00ff\u00fe; refresh_token=x\r\n"), 400);
    requests.put(raw("/orders/%00", ""), 400);
    requests.forEach(
        (request, expected) -> {
          String response = http.raw(request.getBytes(StandardCharsets.ISO_8859_1));
          assertEquals(expected, Http.status(response), response);
          // Even Jetty's own refusals (431, 400) answer in the service's JSON error shape.
          assertTrue(response.contains("application/json"), response);
          assertTrue(response.contains("{\"error\":\""), response);
        });
  }

  @Test
  void garbageRefreshCookiesAreRefusedNever500() {
    for (String cookie :
        List.of("refresh_token=", "refresh_token=a.b.c", "refresh_token=\"quoted\"", "other=1")) {
      Response r = http.post("/refresh", null, "Cookie", cookie);
      assertEquals(401, r.status, () -> cookie + " -> " + r);
      assertTrue(r.header("WWW-Authenticate").isPresent(), cookie);
    }
    // Two refresh cookies: ambiguous, 400 invalid_request (DESIGN, Templates).
    Response two = http.post("/refresh", null, "Cookie", "refresh_token=x; refresh_token=y");
    assertEquals(400, two.status, two::toString);
    assertEquals("invalid_request", two.json().get("error").asText(), two::toString);
    assertTrue(two.header("WWW-Authenticate").isPresent(), two::toString);
  }

  @Test
  void unknownRoutesAndMethodsGetJsonErrors() {
    assertError(http.get("/nope"), 404, "not_found");
    assertError(http.send("PUT", "/orders", "{}"), 405, "method_not_allowed");
  }

  // ------------------------------------------------------------------ the access table

  @Test
  void accessTableListsEveryMethodOfEveryHandlerInterface() {
    Response r = http.get("/access");
    assertEquals(200, r.status, r::toString);
    Map<String, Set<String>> served = new java.util.TreeMap<>();
    assertEquals("admin", r.json().get("admin_permission").asText());
    JsonNode tables = r.json().get("handlers");
    for (JsonNode table : tables) {
      Set<String> methods = new TreeSet<>();
      for (JsonNode method : table.get("methods")) {
        String signature = method.get("method").asText();
        methods.add(signature.substring(0, signature.indexOf('(')));
      }
      served.put(table.get("handler").asText(), methods);
    }
    Map<String, Set<String>> declared = new java.util.TreeMap<>();
    for (Class<?> api :
        List.of(
            SystemApi.class, AuthApi.class, AccountApi.class, OrdersApi.class, AdminApi.class)) {
      declared.put(
          api.getName(),
          java.util.Arrays.stream(api.getDeclaredMethods())
              .filter(m -> !m.isSynthetic())
              .map(Method::getName)
              .collect(Collectors.toCollection(TreeSet::new)));
    }
    assertEquals(declared, served);

    JsonNode get = method(tables, OrdersApi.class, "get");
    assertEquals("ALL_OF", get.get("rule").asText());
    assertEquals(
        Set.of("orders:read", "orders:write", "orders:admin", "support"),
        strings(get.get("accepted").get("orders:read")));
    JsonNode all = method(tables, OrdersApi.class, "all");
    assertEquals("ANY_OF", all.get("rule").asText());
    assertEquals(Set.of("orders:admin", "support"), strings(all.get("permissions")));
    assertEquals("REFRESH", method(tables, AuthApi.class, "refresh").get("rule").asText());
    assertEquals("PUBLIC", method(tables, SystemApi.class, "health").get("rule").asText());
    assertEquals("TOKEN", method(tables, AccountApi.class, "me").get("rule").asText());
  }

  // ------------------------------------------------------------------ helpers

  private static JsonNode method(JsonNode tables, Class<?> api, String name) {
    for (JsonNode table : tables) {
      if (table.get("handler").asText().equals(api.getName())) {
        for (JsonNode method : table.get("methods")) {
          if (method.get("method").asText().startsWith(name + "(")) {
            return method;
          }
        }
      }
    }
    throw new AssertionError(api.getSimpleName() + "." + name + " is not in the access table");
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> values = new TreeSet<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static Set<String> fieldNames(JsonNode object) {
    Set<String> names = new TreeSet<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> ids(Response r) {
    assertEquals(200, r.status, r::toString);
    List<String> ids = new ArrayList<>();
    r.json().forEach(o -> ids.add(o.get("id").asText()));
    return ids;
  }

  /** The attributes of a Set-Cookie header, lower-cased, without the name=value pair. */
  private static List<String> attributes(String setCookie) {
    List<String> attributes = new ArrayList<>();
    String[] parts = setCookie.split(";");
    for (int i = 1; i < parts.length; i++) {
      attributes.add(parts[i].strip().toLowerCase(java.util.Locale.ROOT));
    }
    return attributes;
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String raw(String path, String headers) {
    String method = path.equals("/refresh") ? "POST" : "GET";
    return method
        + " "
        + path
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        + (method.equals("POST") ? "Content-Length: 0\r\n" : "")
        + headers
        + "\r\n";
  }
}
