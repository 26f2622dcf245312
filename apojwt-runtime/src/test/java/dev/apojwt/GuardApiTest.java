package dev.apojwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The API generated guards call: authorize, authorizeRefresh and requireSupport. */
class GuardApiTest {
  private static final String HANDLER = "com.example.Orders";
  private static final PermissionHierarchy PERMS =
      PermissionHierarchy.builder()
          .permission("orders:admin", "orders:write", "orders:read")
          .permission("orders:write", "orders:read")
          .permission("orders:read")
          .permission("billing:read")
          .build();

  /** A request: the token travels in a header-like field, as a web framework's context would. */
  static final class Request {
    final String authorization;

    Request(String authorization) {
      this.authorization = authorization;
    }
  }

  private static final TokenFinder FROM_REQUEST =
      call -> {
        Request request = call.argument(Request.class);
        return request == null ? null : request.authorization;
      };

  private final ApoJwt jwt =
      TestTokens.hs256()
          .adminPermission("admin")
          .tokenFinder(FROM_REQUEST)
          .refresh(TestTokens.REFRESH_SECRET, Duration.ofDays(1), FROM_REQUEST)
          .build();

  private String token(String... permissions) {
    return jwt.createToken("user-1", List.of(permissions), Map.of("tenant", "acme"));
  }

  private static AccessRule rule(String signature) {
    return AccessRule.forMethod(HANDLER, signature).token();
  }

  private static AuthFailure.Reason reasonOf(Runnable call) {
    return assertThrows(ApoJwtException.class, call::run).reason();
  }

  @Test
  void aTokenRuleAcceptsAnyValidTokenFromTheFinder() {
    VerifiedToken t = jwt.authorize(rule("mine(Request)"), new Request("Bearer " + token()));
    assertEquals("user-1", t.subject());
    assertEquals(Map.of("tenant", "acme"), t.data());
  }

  @Test
  void bearerPrefixIsCaseInsensitiveAndWhitespaceTolerant() {
    String token = token();
    for (String value :
        List.of(
            token,
            "Bearer " + token,
            "bearer " + token,
            "BEARER\t" + token,
            "  Bearer   " + token + " ")) {
      assertEquals(
          "user-1", jwt.authorize(rule("m(Request)"), new Request(value)).subject(), value);
    }
    for (String value : Arrays.asList(null, "", "   ", "Bearer", "Bearer   ")) {
      assertEquals(
          AuthFailure.Reason.MISSING_TOKEN,
          reasonOf(() -> jwt.authorize(rule("m(Request)"), new Request(value))),
          String.valueOf(value));
    }
    assertEquals(
        AuthFailure.Reason.MALFORMED,
        reasonOf(() -> jwt.authorize(rule("m(Request)"), new Request("Basic dXNlcjpwdw=="))));
  }

  @Test
  void noArgumentForTheFinderMeansMissingWithApojwtsMessage() {
    ApoJwtException e =
        assertThrows(ApoJwtException.class, () -> jwt.authorize(rule("m()"), new Object[0]));
    assertEquals(AuthFailure.Reason.MISSING_TOKEN, e.reason());
    assertEquals("JWT is missing - Token Finder failed", e.getMessage());
    assertEquals(401, e.status());
  }

  @Test
  void aFinderThatThrowsCountsAsNoTokenAndKeepsTheCause() {
    IllegalStateException boom = new IllegalStateException("no header map");
    ApoJwt failing =
        TestTokens.hs256()
            .tokenFinder(
                call -> {
                  throw boom;
                })
            .build();
    ApoJwtException e =
        assertThrows(ApoJwtException.class, () -> failing.authorize(rule("m()"), new Object[0]));
    assertEquals(AuthFailure.Reason.MISSING_TOKEN, e.reason());
    assertSame(boom, e.getCause());
  }

  @Test
  void theBearerParameterWinsOverTheFinder() {
    AccessRule rule =
        AccessRule.forMethod(HANDLER, "get(String, Request)").bearerParameter(0).token();
    // The finder would find a valid token, but the parameter is where this method looks.
    assertEquals(
        AuthFailure.Reason.MISSING_TOKEN,
        reasonOf(() -> jwt.authorize(rule, null, new Request("Bearer " + token()))));
    assertEquals("user-1", jwt.authorize(rule, "Bearer " + token(), new Request(null)).subject());
  }

  @Test
  void allOfNeedsEveryPermissionDirectlyOrThroughTheHierarchy() {
    AccessRule rule =
        AccessRule.forMethod(HANDLER, "report(Request)")
            .allOf(PERMS, "orders:read", "billing:read");
    assertEquals(
        Map.of(
            "orders:read", Set.of("orders:read", "orders:admin", "orders:write"),
            "billing:read", Set.of("billing:read")),
        rule.accepted());
    jwt.authorize(rule, new Request(token("orders:read", "billing:read")));
    jwt.authorize(rule, new Request(token("orders:admin", "billing:read")));
    jwt.authorize(rule, new Request(token("admin")));
    ApoJwtException e =
        assertThrows(
            ApoJwtException.class, () -> jwt.authorize(rule, new Request(token("orders:admin"))));
    assertEquals(AuthFailure.Reason.FORBIDDEN, e.reason());
    assertEquals(403, e.status());
    assertEquals("JWT does not have permission for this action", e.getMessage());
    assertTrue(e.failure().wwwAuthenticate().startsWith("Bearer error=\"insufficient_scope\""));
  }

  @Test
  void anyOfNeedsOne() {
    AccessRule rule =
        AccessRule.forMethod(HANDLER, "list(Request)").anyOf(PERMS, "orders:write", "billing:read");
    jwt.authorize(rule, new Request(token("billing:read")));
    jwt.authorize(rule, new Request(token("orders:admin")));
    jwt.authorize(rule, new Request(token("admin")));
    assertEquals(
        AuthFailure.Reason.FORBIDDEN,
        reasonOf(() -> jwt.authorize(rule, new Request(token("orders:read")))));
    assertEquals(
        AuthFailure.Reason.FORBIDDEN, reasonOf(() -> jwt.authorize(rule, new Request(token()))));
  }

  @Test
  void withoutAHierarchyOnlyTheExactPermissionPasses() {
    AccessRule rule =
        AccessRule.forMethod(HANDLER, "get(Request)")
            .allOf(PermissionHierarchy.none(), "orders:read");
    jwt.authorize(rule, new Request(token("orders:read")));
    assertEquals(
        AuthFailure.Reason.FORBIDDEN,
        reasonOf(() -> jwt.authorize(rule, new Request(token("orders:admin")))));
    ApoJwt noAdmin = TestTokens.hs256().tokenFinder(FROM_REQUEST).build();
    assertEquals(
        AuthFailure.Reason.FORBIDDEN,
        reasonOf(() -> noAdmin.authorize(rule, new Request(token("admin")))));
  }

  @Test
  void refreshRulesTakeRefreshTokensOnly() {
    AccessRule refresh = AccessRule.forMethod(HANDLER, "refresh(Request)").refresh();
    TokenPair pair =
        jwt.createTokens("user-1", List.of("p"), Map.of(), Map.of("user_id", "user-1"));
    VerifiedRefresh r = jwt.authorizeRefresh(refresh, new Request(pair.refresh()));
    assertEquals(Map.of("user_id", "user-1"), r.data());
    ApoJwtException e =
        assertThrows(
            ApoJwtException.class, () -> jwt.authorizeRefresh(refresh, new Request(pair.access())));
    assertEquals(AuthFailure.Reason.WRONG_TOKEN_KIND, e.reason());
    assertEquals(
        AuthFailure.Reason.WRONG_TOKEN_KIND,
        reasonOf(() -> jwt.authorize(rule("m(Request)"), new Request(pair.refresh()))));
    ApoJwtException missing =
        assertThrows(ApoJwtException.class, () -> jwt.authorizeRefresh(refresh, new Request(null)));
    assertEquals("Refresh JWT is missing - Refresh Token Finder failed", missing.getMessage());
  }

  @Test
  void rulesOfTheWrongKindAreProgrammingErrors() {
    assertThrows(
        IllegalArgumentException.class,
        () -> jwt.authorize(AccessRule.forMethod(HANDLER, "r()").refresh()));
    assertThrows(
        IllegalArgumentException.class,
        () -> jwt.authorize(AccessRule.forMethod(HANDLER, "p()").open()));
    assertThrows(IllegalArgumentException.class, () -> jwt.authorizeRefresh(rule("t()")));
  }

  @Test
  void theExceptionHandlerDecidesWhatIsThrown() {
    List<String> seen = new ArrayList<>();
    ApoJwt handled =
        TestTokens.hs256()
            .tokenFinder(FROM_REQUEST)
            .exceptionHandler(
                (failure, call) -> {
                  seen.add(
                      failure.status()
                          + " "
                          + call.handler()
                          + "."
                          + call.method()
                          + " "
                          + call.arguments().size());
                  return new IllegalStateException("HTTP " + failure.status());
                })
            .build();
    AccessRule rule = AccessRule.forMethod(HANDLER, "get(Request)").allOf(PERMS, "orders:read");
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> handled.authorize(rule, new Request(null)));
    assertEquals("HTTP 401", e.getMessage());
    IllegalStateException forbidden =
        assertThrows(
            IllegalStateException.class,
            () -> handled.authorize(rule, new Request(token("billing:read"))));
    assertEquals("HTTP 403", forbidden.getMessage());
    assertEquals(List.of("401 com.example.Orders.get 1", "403 com.example.Orders.get 1"), seen);
  }

  @Test
  void aHandlerThatReturnsNullOrThrowsCannotLetTheCallThrough() {
    AccessRule rule = rule("m(Request)");
    ApoJwt returnsNull =
        TestTokens.hs256().tokenFinder(FROM_REQUEST).exceptionHandler((f, c) -> null).build();
    assertEquals(
        AuthFailure.Reason.MISSING_TOKEN,
        reasonOf(() -> returnsNull.authorize(rule, new Request(null))));

    RuntimeException oops = new RuntimeException("handler bug");
    ApoJwt throwing =
        TestTokens.hs256()
            .tokenFinder(FROM_REQUEST)
            .exceptionHandler(
                (f, c) -> {
                  throw oops;
                })
            .build();
    ApoJwtException e =
        assertThrows(ApoJwtException.class, () -> throwing.authorize(rule, new Request(null)));
    assertEquals(AuthFailure.Reason.MISSING_TOKEN, e.reason());
    assertSame(oops, e.getSuppressed()[0]);
  }

  @Test
  void requireSupportNamesEveryMethodAndTheFix() {
    AccessTable table =
        AccessTable.of(
            HANDLER,
            AccessRule.forMethod(HANDLER, "health()").open(),
            AccessRule.forMethod(HANDLER, "mine()").token(),
            AccessRule.forMethod(HANDLER, "byHeader(java.lang.String)").bearerParameter(0).token(),
            AccessRule.forMethod(HANDLER, "refresh()").refresh());
    ApoJwt bare = TestTokens.hs256().build();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> bare.requireSupport(table));
    assertTrue(
        e.getMessage().contains("com.example.Orders.mine() needs a token finder"), e.getMessage());
    assertTrue(
        e.getMessage().contains("refresh() is @Refresh but refresh is not configured"),
        e.getMessage());
    assertTrue(
        !e.getMessage().contains("byHeader") && !e.getMessage().contains("health"), e.getMessage());

    ApoJwt noRefreshFinder =
        TestTokens.hs256()
            .tokenFinder(FROM_REQUEST)
            .refresh(TestTokens.REFRESH_SECRET, Duration.ofDays(1), null)
            .build();
    IllegalStateException finder =
        assertThrows(IllegalStateException.class, () -> noRefreshFinder.requireSupport(table));
    assertTrue(finder.getMessage().contains("needs a refresh finder"), finder.getMessage());
    jwt.requireSupport(table);
  }

  @Test
  void invocationShowsTheCall() {
    AccessRule rule = AccessRule.forMethod(HANDLER, "get(java.lang.String, Request)").token();
    Request request = new Request("x");
    Invocation call = Invocation.of(rule, "id-7", request, null);
    assertEquals(HANDLER, call.handler());
    assertEquals("get", call.method());
    assertSame(rule, call.rule());
    assertEquals(Arrays.asList("id-7", request, null), call.arguments());
    assertSame(request, call.argument(Request.class));
    assertEquals("id-7", call.argument(String.class));
    assertNull(call.argument(Integer.class));
    assertThrows(UnsupportedOperationException.class, () -> call.arguments().set(0, "other"));
  }

  @Test
  void accessRulesValidateTheirPermissions() {
    AccessRule.Builder b = AccessRule.forMethod(HANDLER, "m()");
    assertThrows(IllegalArgumentException.class, () -> b.allOf(PERMS));
    assertThrows(IllegalArgumentException.class, () -> b.allOf(PERMS, " x"));
    assertThrows(IllegalArgumentException.class, () -> b.anyOf(PERMS, "a", "a"));
    assertThrows(IllegalArgumentException.class, () -> b.bearerParameter(-1));
    AccessRule rule = AccessRule.forMethod(HANDLER, "m()").anyOf(PERMS, "orders:read");
    assertEquals(AccessRule.Kind.ANY_OF, rule.kind());
    assertEquals(List.of("orders:read"), rule.permissions());
    assertEquals("m", rule.methodName());
    assertEquals(-1, rule.bearerParameter());
    assertTrue(rule.toString().contains("ANY_OF"), rule.toString());
  }

  @Test
  void accessTablesListTheirRules() {
    AccessRule health = AccessRule.forMethod(HANDLER, "health()").open();
    AccessRule get = AccessRule.forMethod(HANDLER, "get()").allOf(PERMS, "orders:read");
    AccessTable table = AccessTable.of(HANDLER, health, get);
    assertEquals(List.of(health, get), table.rules());
    assertSame(get, table.rule("get()").orElseThrow());
    assertTrue(table.rule("nope()").isEmpty());
    assertTrue(table.toString().contains("com.example.Orders.health(): PUBLIC"), table.toString());
    assertThrows(IllegalArgumentException.class, () -> AccessTable.of("other.Handler", health));
  }
}
