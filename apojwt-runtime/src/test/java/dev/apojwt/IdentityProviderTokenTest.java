package dev.apojwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * RFC 9068 access tokens of an identity provider, with verification keys only: permissions from the
 * configured claim (or none at all), {@code typ} at+jwt, JWT or none.
 */
class IdentityProviderTokenTest {
  private static final long NOW = TestTokens.NOW.getEpochSecond();

  private static ApoJwt verifier(String permissionsClaim) {
    ApoJwt.Builder b =
        ApoJwt.builder()
            .algorithm("ES256")
            .verificationKey("idp-1", Keys.EC_NEW.getPublic())
            .issuer("https://auth.example.com")
            .serverAudience("orders-api")
            .adminPermission("admin")
            .clock(TestTokens.CLOCK);
    return (permissionsClaim == null ? b : b.permissionsClaim(permissionsClaim)).build();
  }

  /** A Keycloak- or Spring-Authorization-Server-like access token. */
  private static String token(String typ, String members) {
    String header =
        "{\"kid\":\"idp-1\",\"alg\":\"ES256\""
            + (typ == null ? "" : ",\"typ\":\"" + typ + "\"")
            + "}";
    String payload =
        "{\"iss\":\"https://auth.example.com\",\"sub\":\"client-7\",\"aud\":\"orders-api\",\"exp\":"
            + (NOW + 300)
            + ",\"iat\":"
            + NOW
            + ",\"jti\":\"j-1\",\"client_id\":\"client-7\""
            + (members.isEmpty() ? "" : "," + members)
            + "}";
    return Keys.es256(Keys.EC_NEW.getPrivate(), header, payload);
  }

  private static Set<String> permissions(ApoJwt jwt, String token) {
    return jwt.verify(token).permissions();
  }

  @Test
  void scopeAsASpaceSeparatedStringOrAnArray() {
    ApoJwt jwt = verifier("scope");
    assertEquals(
        Set.of("orders:read", "orders:write"),
        permissions(jwt, token("at+jwt", "\"scope\":\"orders:read  orders:write\"")));
    assertEquals(
        List.of("orders:read", "orders:write"),
        List.copyOf(permissions(jwt, token(null, "\"scope\":[\"orders:read\",\"orders:write\"]"))));
    assertEquals(Set.of(), permissions(jwt, token("JWT", "\"scope\":\"\"")));
  }

  @Test
  void aTokenWithoutPermissionsIsValidAndHoldsNone() {
    ApoJwt jwt = verifier("scope");
    VerifiedToken t = jwt.verify(token("application/at+jwt", ""));
    assertEquals("client-7", t.subject());
    assertEquals(Set.of(), t.permissions());
    // Verification keys only: apojwt's perms is optional too.
    assertEquals(Set.of(), permissions(verifier(null), token(null, "")));
    assertEquals(Set.of("p"), permissions(verifier(null), token(null, "\"perms\":[\"p\"]")));
  }

  @Test
  void aDottedPathReachesNestedClaims() {
    ApoJwt jwt = verifier("realm_access.roles");
    assertEquals(
        Set.of("admin", "orders:read"),
        permissions(jwt, token(null, "\"realm_access\":{\"roles\":[\"admin\",\"orders:read\"]}")));
    assertEquals(Set.of(), permissions(jwt, token(null, "\"realm_access\":{\"other\":1}")));
    assertEquals(Set.of(), permissions(jwt, token(null, "\"resource_access\":{}")));
    ApoJwt deep = verifier("a.b.c");
    assertEquals(Set.of("x", "y"), permissions(deep, token(null, "\"a\":{\"b\":{\"c\":\"x y\"}}")));
  }

  @Test
  void aClaimNamedWithDotsWinsOverThePath() {
    ApoJwt jwt = verifier("https://example.com/roles");
    assertEquals(
        Set.of("orders:read"),
        permissions(jwt, token(null, "\"https://example.com/roles\":[\"orders:read\"]")));
    ApoJwt both = verifier("realm_access.roles");
    assertEquals(
        Set.of("whole"),
        permissions(
            both,
            token(
                null,
                "\"realm_access\":{\"roles\":[\"path\"]},\"realm_access.roles\":[\"whole\"]")));
  }

  @Test
  void permissionsOfTheWrongTypeAreMalformed() {
    ApoJwt scope = verifier("scope");
    ApoJwt nested = verifier("realm_access.roles");
    for (Object[] c :
        new Object[][] {
          {scope, "\"scope\":1"},
          {scope, "\"scope\":[\"a\",1]"},
          {scope, "\"scope\":{\"a\":1}"},
          {nested, "\"realm_access\":[\"roles\"]"},
          {nested, "\"realm_access\":{\"roles\":{\"a\":1}}"},
          {nested, "\"realm_access\":{\"roles\":[true]}"},
          {scope, "\"scope\":\"a\",\"scope\":\"b\""},
        }) {
      ApoJwtException e =
          assertThrows(
              ApoJwtException.class, () -> ((ApoJwt) c[0]).verify(token(null, (String) c[1])));
      assertEquals(AuthFailure.Reason.MALFORMED, e.reason(), (String) c[1]);
    }
  }

  @Test
  void theOtherClaimsAreStillChecked() {
    ApoJwt jwt = verifier("scope");
    String refreshTyp = token("refresh+jwt", "");
    assertEquals(
        AuthFailure.Reason.WRONG_TOKEN_KIND,
        assertThrows(ApoJwtException.class, () -> jwt.verify(refreshTyp)).reason());
    String otherAudience = token(null, "");
    ApoJwt elsewhere =
        ApoJwt.builder()
            .algorithm("ES256")
            .verificationKey("idp-1", Keys.EC_NEW.getPublic())
            .issuer("https://auth.example.com")
            .serverAudience("billing-api")
            .permissionsClaim("scope")
            .clock(TestTokens.CLOCK)
            .build();
    assertEquals(
        AuthFailure.Reason.BAD_AUDIENCE,
        assertThrows(ApoJwtException.class, () -> elsewhere.verify(otherAudience)).reason());
    String noSub =
        Keys.es256(
            Keys.EC_NEW.getPrivate(),
            "{\"kid\":\"idp-1\",\"alg\":\"ES256\"}",
            "{\"iss\":\"https://auth.example.com\",\"aud\":\"orders-api\",\"exp\":"
                + (NOW + 300)
                + "}");
    assertEquals(
        AuthFailure.Reason.MALFORMED,
        assertThrows(ApoJwtException.class, () -> jwt.verify(noSub)).reason());
  }

  @Test
  void guardsTheHierarchyAndTheAdminPermissionWorkOnTheseScopes() {
    PermissionHierarchy perms =
        PermissionHierarchy.builder()
            .permission("orders:write", "orders:read")
            .permission("orders:read")
            .build();
    ApoJwt jwt = verifier("scope");
    AccessRule read =
        AccessRule.forMethod("com.example.Orders", "get(String)")
            .bearerParameter(0)
            .allOf(perms, "orders:read");
    assertEquals(
        "client-7",
        jwt.authorize(read, "Bearer " + token(null, "\"scope\":\"orders:write\"")).subject());
    assertEquals("client-7", jwt.authorize(read, token(null, "\"scope\":\"admin\"")).subject());
    assertEquals(
        AuthFailure.Reason.FORBIDDEN,
        assertThrows(
                ApoJwtException.class,
                () -> jwt.authorize(read, token(null, "\"scope\":\"billing:read\"")))
            .reason());
    assertEquals(
        AuthFailure.Reason.FORBIDDEN,
        assertThrows(ApoJwtException.class, () -> jwt.authorize(read, token(null, ""))).reason());
  }
}
