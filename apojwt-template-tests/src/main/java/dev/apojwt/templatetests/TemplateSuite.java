package dev.apojwt.templatetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apojwt.AuthFailure;
import dev.apojwt.Template;
import dev.apojwt.Templates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The behaviour every framework template shares (DESIGN "Templates", RFC 6750), over real HTTP
 * against a real server on a free loopback port. A template module's test extends this class and
 * says how to create its template and serve {@link Routes} with it; the servers start once per
 * class (one with the default refresh cookie, one with the cookie {@code sid}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TemplateSuite {
  static final String MISSING = "JWT is missing - Token Finder failed";
  static final String MISSING_REFRESH = "Refresh JWT is missing - Refresh Token Finder failed";
  static final String MALFORMED = "Bad Format - JWT could not be decoded";
  static final String BAD_SIGNATURE = "JWT signature is invalid";
  static final String EXPIRED = "JWT signature has expired";
  static final String NOT_ACCESS = "Wrong token kind - an access JWT is required";
  static final String NOT_REFRESH = "Wrong token kind - a refresh JWT is required";
  static final String FORBIDDEN = "JWT does not have permission for this action";
  static final String AMBIGUOUS = "Invalid request - more than one token was sent";

  /** A server serving {@link Routes}; closing it stops it. */
  public interface Server extends AutoCloseable {
    int port();

    @Override
    void close() throws Exception;
  }

  private final Supplier<Template> create;
  private final Function<String, Template> createWithCookie;
  private Fixture fixture;
  private Server server;
  private Fixture sidFixture;
  private Server sidServer;

  /**
   * @param create {@code XTemplate::create}: the template with the default refresh cookie
   * @param createWithCookie {@code XTemplate::create}: the template with another refresh cookie
   */
  protected TemplateSuite(Supplier<Template> create, Function<String, Template> createWithCookie) {
    this.create = create;
    this.createWithCookie = createWithCookie;
  }

  /**
   * Starts a server on a free loopback port that serves {@link Routes} with {@code fixture.api()},
   * hooked up with {@code fixture.template()}'s one line, and probes (see {@link
   * Routes#PROBE_HEADER}) after the hook.
   */
  protected abstract Server start(Fixture fixture) throws Exception;

  /**
   * The failure that the template's exception handler put into {@code thrown}; by default {@link
   * Templates#failureOf}, for templates whose handler returns the {@code ApoJwtException}.
   */
  protected AuthFailure failureOf(RuntimeException thrown) {
    return Templates.failureOf(thrown);
  }

  @BeforeAll
  void startServers() throws Exception {
    fixture = new Fixture(create.get());
    server = start(fixture);
    sidFixture = new Fixture(createWithCookie.apply("sid"));
    sidServer = start(sidFixture);
  }

  @AfterAll
  void stopServers() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {fixture, server, sidFixture, sidServer}) {
      if (c != null) {
        c.close();
      }
    }
  }

  private RawHttp.Response get(String path, String... headerLines) {
    return RawHttp.send(server.port(), RawHttp.request("GET", path, headerLines));
  }

  private RawHttp.Response post(String path, String... headerLines) {
    return RawHttp.send(server.port(), RawHttp.request("POST", path, headerLines));
  }

  private static String bearer(String token) {
    return "Authorization: Bearer " + token;
  }

  private static void assertOk(RawHttp.Response r, String body) {
    assertEquals(200, r.status, r::toString);
    assertEquals(body, r.body, r::toString);
    assertNull(r.header("WWW-Authenticate"), r::toString);
  }

  /** A refusal exactly as DESIGN says: status, challenge, no-store, JSON body. */
  private static void assertRefused(RawHttp.Response r, int status, String code, String message) {
    assertEquals(status, r.status, r::toString);
    String rfc6750 =
        code.equals("forbidden")
            ? "insufficient_scope"
            : code.equals("invalid_request") ? "invalid_request" : "invalid_token";
    String challenge =
        code.equals("missing_token")
            ? "Bearer"
            : code.equals("unavailable")
                ? null
                : "Bearer error=\"" + rfc6750 + "\", error_description=\"" + message + "\"";
    assertEquals(challenge, r.header("WWW-Authenticate"), r::toString);
    assertEquals("no-store", r.header("Cache-Control"), r::toString);
    assertEquals("application/json", r.header("Content-Type"), r::toString);
    assertEquals(
        "{\"error\":\"" + code + "\",\"message\":\"" + message + "\"}", r.body, r::toString);
  }

  /** 400 invalid_request, and not a byte of the token sent. */
  private static void assertAmbiguous(RawHttp.Response r, String sent) {
    assertRefused(r, 400, "invalid_request", AMBIGUOUS);
    assertFalse(r.raw.contains(sent), r::toString);
  }

  // ------------------------------------------------------------------ the access token

  @Test
  void oneBearerAuthorizationHeaderCarriesTheTokenInAnyCase() {
    String token = fixture.access("alice");
    assertOk(get(Routes.SUBJECT, bearer(token)), "alice");
    assertOk(get(Routes.SUBJECT_OF, bearer(token)), "alice");
    for (String scheme : List.of("bearer ", "BEARER ", "bEaReR\t", "Bearer   ")) {
      assertOk(get(Routes.SUBJECT, "Authorization: " + scheme + token), "alice");
    }
    assertOk(get(Routes.SUBJECT, "authorization: Bearer " + token), "alice");
  }

  @Test
  void noAuthorizationHeaderOrAnotherSchemeIsAMissingToken() {
    String token = fixture.access("alice");
    for (String[] headers :
        List.of(
            new String[0],
            new String[] {"Authorization: Basic YWxpY2U6YWxpY2UtZGVtbw=="},
            new String[] {"Authorization: Token " + token},
            new String[] {"Authorization: Bearer"},
            new String[] {"Authorization:"},
            new String[] {"X-Authorization: Bearer " + token},
            new String[] {"Cookie: refresh_token=" + token})) {
      assertRefused(get(Routes.SUBJECT, headers), 401, "missing_token", MISSING);
      assertRefused(get(Routes.SUBJECT_OF, headers), 401, "missing_token", MISSING);
    }
  }

  @Test
  void twoAuthorizationHeadersAreAnInvalidRequestInEitherOrder() {
    String token = fixture.access("alice");
    for (String[] headers :
        List.of(
            new String[] {bearer(token), bearer(token)},
            new String[] {bearer(token), "Authorization: Bearer garbage"},
            new String[] {"Authorization: Bearer garbage", bearer(token)},
            new String[] {"Authorization: Basic eDp5", bearer(token)},
            new String[] {bearer(token), "Authorization:"})) {
      assertAmbiguous(get(Routes.SUBJECT, headers), token);
    }
  }

  @Test
  void refusalsCarryTheStatusTheChallengeNoStoreAndAJsonBody() {
    String valid = fixture.access("alice");
    assertRefused(get(Routes.SUBJECT, bearer("not.a.token")), 401, "malformed", MALFORMED);
    assertRefused(
        get(Routes.SUBJECT, bearer(fixture.foreign("alice"))), 401, "bad_signature", BAD_SIGNATURE);
    assertRefused(get(Routes.SUBJECT, bearer(fixture.expired("alice"))), 401, "expired", EXPIRED);
    // Another token's signature under this one's header and claims.
    String other = fixture.access("mallory");
    String spliced =
        valid.substring(0, valid.lastIndexOf('.')) + other.substring(other.lastIndexOf('.'));
    assertRefused(get(Routes.SUBJECT, bearer(spliced)), 401, "bad_signature", BAD_SIGNATURE);
  }

  @Test
  void aTokenWithoutThePermissionIsForbiddenWithInsufficientScope() {
    assertRefused(get(Routes.READ, bearer(fixture.access("bob"))), 403, "forbidden", FORBIDDEN);
    assertOk(get(Routes.READ, bearer(fixture.access("carol", "orders:read"))), "read by carol");
  }

  // ------------------------------------------------------------------ the refresh token

  @Test
  void theRefreshTokenComesFromItsCookieOnly() {
    String refresh = fixture.refresh("u-1");
    assertOk(post(Routes.REFRESH, "Cookie: refresh_token=" + refresh), "refreshed u-1");
    assertOk(
        post(Routes.REFRESH, "Cookie: theme=dark; refresh_token=\"" + refresh + "\"; lang=en"),
        "refreshed u-1");
    assertOk(
        post(Routes.REFRESH, "Cookie: theme=dark", "Cookie: refresh_token=" + refresh),
        "refreshed u-1");
    // Not from the Authorization header, not from a cookie of another name.
    assertRefused(post(Routes.REFRESH, bearer(refresh)), 401, "missing_token", MISSING_REFRESH);
    assertRefused(
        post(Routes.REFRESH, "Cookie: sid=" + refresh), 401, "missing_token", MISSING_REFRESH);
    assertRefused(
        post(Routes.REFRESH, "Cookie: refresh_token="), 401, "missing_token", MISSING_REFRESH);
  }

  @Test
  void accessAndRefreshTokensNeverStandInForEachOther() {
    String access = fixture.access("alice", "orders:read");
    String refresh = fixture.refresh("alice");
    assertRefused(
        post(Routes.REFRESH, "Cookie: refresh_token=" + access),
        401,
        "wrong_token_kind",
        NOT_REFRESH);
    assertRefused(get(Routes.SUBJECT, bearer(refresh)), 401, "wrong_token_kind", NOT_ACCESS);
    assertRefused(get(Routes.READ, bearer(refresh)), 401, "wrong_token_kind", NOT_ACCESS);
  }

  @Test
  void twoRefreshCookiesOfTheNameAreAnInvalidRequest() {
    String refresh = fixture.refresh("u-1");
    for (String[] headers :
        List.of(
            new String[] {"Cookie: refresh_token=" + refresh + "; refresh_token=" + refresh},
            new String[] {"Cookie: refresh_token=garbage; refresh_token=" + refresh},
            new String[] {"Cookie: refresh_token=" + refresh, "Cookie: refresh_token=garbage"})) {
      assertAmbiguous(post(Routes.REFRESH, headers), refresh);
    }
  }

  @Test
  void theRefreshCookieNameIsConfigurable() {
    String refresh = sidFixture.refresh("u-2");
    int port = sidServer.port();
    assertOk(
        RawHttp.send(port, RawHttp.request("POST", Routes.REFRESH, "Cookie: sid=" + refresh)),
        "refreshed u-2");
    assertRefused(
        RawHttp.send(
            port, RawHttp.request("POST", Routes.REFRESH, "Cookie: refresh_token=" + refresh)),
        401,
        "missing_token",
        MISSING_REFRESH);
    assertRefused(
        RawHttp.send(
            port, RawHttp.request("POST", Routes.REFRESH, "Cookie: sid=" + refresh + "; sid=x")),
        400,
        "invalid_request",
        AMBIGUOUS);
  }

  // ------------------------------------------------------------------ what the finders leave alone

  @Test
  void aBearerTokenParameterWinsOverTheFinder() {
    String token = fixture.access("dave");
    // The route passes X-Token: the Authorization headers, even two of them, are not read.
    assertOk(
        get(
            Routes.BEARER,
            Routes.TOKEN_HEADER + ": Bearer " + token,
            "Authorization: Bearer garbage",
            "Authorization: Bearer garbage"),
        "bearer dave");
    assertRefused(get(Routes.BEARER, bearer(token)), 401, "missing_token", MISSING);
  }

  @Test
  void publicRequestsAreUntouched() {
    String token = fixture.access("alice");
    RawHttp.Response r =
        get(
            Routes.OPEN,
            bearer(token),
            "Authorization: Bearer garbage",
            "Cookie: refresh_token=a; refresh_token=b",
            "Authorization: Basic %%%");
    assertOk(r, "open");
    assertNull(r.header("Cache-Control"), r::toString);
  }

  // ------------------------------------------------------------------ the request's lifetime

  @Test
  void asynchronousMethodsCheckOnTheRequestAndAnswerLater() throws Exception {
    assertOk(get(Routes.LATER, bearer(fixture.access("erin"))), "later erin");
    // The continuation ran on another thread, which no request was bound to.
    assertEquals("missing_token", fixture.awaitProbe("continuation"));
    int calls = fixture.calls();
    assertRefused(get(Routes.LATER), 401, "missing_token", MISSING);
    assertRefused(get(Routes.LATER, bearer(fixture.expired("erin"))), 401, "expired", EXPIRED);
    assertEquals(calls, fixture.calls(), "the refused calls did not reach the implementation");
  }

  @Test
  void theApplicationsOwnExceptionIsNeitherSwallowedNorAnAuthError() {
    int calls = fixture.calls();
    RawHttp.Response r = get(Routes.FAILS, bearer(fixture.access("alice")));
    assertEquals(500, r.status, r::toString);
    assertNull(r.header("WWW-Authenticate"), r::toString);
    assertFalse(r.body.contains("missing_token") || r.body.contains("invalid"), r::toString);
    assertEquals(calls + 1, fixture.calls());
    // Without a token the guard refuses first; the implementation is not called.
    assertRefused(get(Routes.FAILS), 401, "missing_token", MISSING);
    assertEquals(calls + 1, fixture.calls());
  }

  @Test
  void theRequestIsUnboundWhenTheHookReturnsWhateverHappened() throws Exception {
    String token = fixture.access("frank", "orders:read");
    Map<String, RawHttp.Response> requests = new LinkedHashMap<>();
    requests.put("served", get(Routes.SUBJECT, bearer(token), Routes.PROBE_HEADER + ": served"));
    requests.put(
        "refused",
        get(Routes.READ, bearer(fixture.access("x")), Routes.PROBE_HEADER + ": refused"));
    requests.put("failed", get(Routes.FAILS, bearer(token), Routes.PROBE_HEADER + ": failed"));
    requests.put("async", get(Routes.LATER, bearer(token), Routes.PROBE_HEADER + ": async"));
    requests.put("public", get(Routes.OPEN, bearer(token), Routes.PROBE_HEADER + ": public"));
    for (String id : requests.keySet()) {
      assertEquals("missing_token", fixture.awaitProbe(id), () -> id + ": " + requests.get(id));
    }
    assertEquals(0, fixture.probeCalls());
  }

  @Test
  void anApoJwtExceptionOfTheApplicationsOwnIsAnsweredAsARefusal() {
    assertRefused(
        get(Routes.UNAVAILABLE),
        503,
        "unavailable",
        "JWT cannot be checked right now - try again later");
  }

  @Test
  void aGuardCalledOutsideAnyRequestRefusesWithoutCallingTheImplementation() {
    GuardedApi<Object> api = fixture.api();
    int calls = fixture.calls();
    for (Runnable call :
        List.<Runnable>of(
            () -> api.subject(), () -> api.subjectOf(new Object(), null), () -> api.read())) {
      RuntimeException e = assertThrows(RuntimeException.class, call::run);
      assertEquals(AuthFailure.Reason.MISSING_TOKEN, failureOf(e).reason());
    }
    RuntimeException refresh = assertThrows(RuntimeException.class, () -> api.refresh());
    assertEquals(AuthFailure.Reason.MISSING_TOKEN, failureOf(refresh).reason());
    assertEquals(calls, fixture.calls());
  }

  // ------------------------------------------------------------------ hostile requests

  /** Requests of bytes no HTTP client library would send; each answered with a 4xx, never 500. */
  @Test
  void nothingAClientSendsGivesA500OrAnEcho() {
    String token = fixture.access("alice");
    String refresh = fixture.refresh("alice");
    List<String> tokenRequests = new ArrayList<>();
    tokenRequests.add(bearer("\u00ff\u00fe\u0080.x.y"));
    tokenRequests.add(RawHttp.utf8("Authorization: Bearer é😀." + token));
    tokenRequests.add("Authorization: Bearer \u0001\u007f" + token);
    // (Inside the token: a server may trim control characters at the ends, as the JDK's does.)
    tokenRequests.add("Authorization: Bearer " + token.substring(0, 9) + "\u0000" + token);
    tokenRequests.add("Authorization: Bearer\u000b" + token);
    tokenRequests.add("Authorization: Bearer " + token + " trailing");
    tokenRequests.add("Authorization: Bearer " + token + "." + token);
    tokenRequests.add("Authorization: Bearer Bearer " + token);
    tokenRequests.add("Authorization: Bearer " + "A".repeat(6_000));
    tokenRequests.add("Authorization: Bearer " + "A".repeat(200_000));
    // Broken syntax: a server may refuse it or read it leniently; with no valid token in it,
    // either way a 4xx.
    tokenRequests.add("Authorization: Bearer x.y.z\r\n continued");
    tokenRequests.add("Authorization : Bearer x.y.z");
    tokenRequests.add("Authorization\u0000: Bearer x.y.z");
    tokenRequests.add("Authorization: Bearer %00%ff");
    tokenRequests.add(String.join("\r\n", java.util.Collections.nCopies(40, bearer(token))));
    for (String headers : tokenRequests) {
      assertClientError(get(Routes.SUBJECT, headers), headers, token);
    }
    List<String> cookieRequests = new ArrayList<>();
    cookieRequests.add("Cookie: refresh_token=\u00ff\u00fe");
    cookieRequests.add(RawHttp.utf8("Cookie: refresh_token=é😀" + refresh));
    cookieRequests.add("Cookie: refresh_token=\u0001" + refresh);
    cookieRequests.add("Cookie: ;;==; refresh_token; =x; \"\"=\"");
    cookieRequests.add("Cookie: refresh_token=\"" + refresh);
    cookieRequests.add("Cookie: refresh_token=" + "A".repeat(200_000));
    cookieRequests.add("Cookie: refresh_token=" + refresh + "\r\nCookie: refresh_token=" + refresh);
    cookieRequests.add(
        String.join(
            "\r\n", java.util.Collections.nCopies(40, "Cookie: a=1; refresh_token=" + refresh)));
    for (String headers : cookieRequests) {
      assertClientError(post(Routes.REFRESH, headers), headers, refresh);
    }
  }

  /** A 4xx that echoes nothing; when the template answered it, in the refusal's JSON shape. */
  private static void assertClientError(RawHttp.Response r, String headers, String sent) {
    String shown = headers.length() > 200 ? headers.substring(0, 200) + "..." : headers;
    assertTrue(r.status >= 400 && r.status < 500, () -> shown + " -> " + r);
    assertFalse(r.raw.contains(sent), () -> shown + " -> " + r);
    if (r.status == 401 || "no-store".equals(r.header("Cache-Control"))) {
      assertEquals("application/json", r.header("Content-Type"), () -> shown + " -> " + r);
      assertTrue(r.body.startsWith("{\"error\":\""), () -> shown + " -> " + r);
      assertTrue(r.header("WWW-Authenticate").startsWith("Bearer"), () -> shown + " -> " + r);
    }
  }
}
