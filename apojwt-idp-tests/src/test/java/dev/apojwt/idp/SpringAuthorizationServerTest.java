package dev.apojwt.idp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.keys.IdentityProviderTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apojwt.ApoJwt;
import dev.apojwt.ApoJwtException;
import dev.apojwt.AuthFailure;
import dev.apojwt.VerifiedToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Spring Authorization Server issues client-credentials access tokens with scopes; apojwt verifies
 * them through the provider's JWKS URI, by {@code verify} and through a generated guard; the
 * provider rotates its key, and tokens of the new key verify after one refetch, without a single
 * 401.
 */
class SpringAuthorizationServerTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static ConfigurableApplicationContext provider;
  private static URI base;
  private static ApoJwt jwt;

  @BeforeAll
  static void start() {
    provider = IdentityProvider.start();
    base = IdentityProvider.base(provider);
    jwt =
        ApoJwt.builder()
            .issuer(base.toString())
            .jwksUri(base.resolve("/oauth2/jwks"))
            .algorithms("RS256")
            .serverAudience(IdentityProvider.CLIENT)
            .permissionsClaim("scope")
            .build();
  }

  @AfterAll
  static void stop() {
    if (jwt != null) {
      jwt.close();
    }
    if (provider != null) {
      provider.close();
    }
  }

  /** A client-credentials token from the provider, over HTTP. */
  private static String token(String scope) throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (IdentityProvider.CLIENT + ":" + IdentityProvider.CLIENT_SECRET)
                    .getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/oauth2/token"))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "grant_type=client_credentials&scope=" + scope.replace(" ", "%20")))
            .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    JsonNode body = new ObjectMapper().readTree(response.body());
    assertEquals("Bearer", body.get("token_type").asText());
    return body.get("access_token").asText();
  }

  private static String kidOf(String token) throws Exception {
    byte[] header = Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.')));
    return new ObjectMapper().readTree(header).get("kid").asText();
  }

  @Test
  void theProvidersTokensVerifyWithTheirScopesAsPermissions() throws Exception {
    VerifiedToken verified = jwt.verify(token("orders:read orders:write"));
    assertEquals(IdentityProvider.CLIENT, verified.subject());
    assertEquals(Set.of("orders:read", "orders:write"), verified.permissions());
    assertEquals(base.toString(), verified.issuer());
    assertEquals(List.of(IdentityProvider.CLIENT), verified.audience());
    assertTrue(verified.expiresAt().isAfter(verified.issuedAt()));
  }

  @Test
  void readmesIdentityProviderSetUpVerifiesTheProvidersTokens() throws Exception {
    try (ApoJwt readme =
        IdentityProviderTokens.verifier(base.toString(), IdentityProvider.CLIENT)) {
      VerifiedToken verified = readme.verify(token("orders:read"));
      assertEquals(Set.of("orders:read"), verified.permissions());
      assertEquals(IdentityProvider.CLIENT, verified.subject());
    }
  }

  /** The resource server's handlers behind their generated guard; each call is noted. */
  private static GuardedOrdersApi guarded(List<String> calls) {
    return new GuardedOrdersApi(
        new OrdersApi() {
          @Override
          public String list(String authorization, String client) {
            calls.add("list by " + client);
            return "orders";
          }

          @Override
          public String create(String authorization, String order) {
            calls.add("create " + order);
            return "created";
          }

          @Override
          public String whoAmI(String authorization, String client) {
            return client;
          }
        },
        jwt);
  }

  @Test
  void aGeneratedGuardChecksTheScopes() throws Exception {
    List<String> calls = new ArrayList<>();
    GuardedOrdersApi orders = guarded(calls);
    String reader = "Bearer " + token("orders:read");
    String writer = "Bearer " + token("orders:write");
    assertEquals("orders", orders.list(reader));
    assertEquals("orders", orders.list(writer), "orders:write implies orders:read");
    assertEquals("created", orders.create(writer, "o-1"));
    ApoJwtException refused =
        assertThrows(ApoJwtException.class, () -> orders.create(reader, "o-2"));
    assertEquals(AuthFailure.Reason.FORBIDDEN, refused.reason());
    assertEquals(IdentityProvider.CLIENT, orders.whoAmI(reader));
    assertEquals(
        AuthFailure.Reason.BAD_SIGNATURE,
        assertThrows(
                ApoJwtException.class,
                () -> orders.list(reader.substring(0, reader.length() - 4) + "AAAA"))
            .reason());
    assertEquals(List.of("list by orders-client", "list by orders-client", "create o-1"), calls);
  }

  @Test
  void afterTheProviderRotatesItsKeyNewTokensVerifyAfterOneRefetchWithoutA401() throws Exception {
    String before = token("orders:read");
    jwt.verify(before);
    int fetchesBefore = IdentityProvider.JWKS_REQUESTS.get();
    String oldKid = IdentityProvider.KEYS.activeKid();

    IdentityProvider.KEYS.rotate();
    String after = token("orders:read");
    assertEquals(IdentityProvider.KEYS.activeKid(), kidOf(after));
    assertTrue(!oldKid.equals(kidOf(after)), "signed with the new key");

    // A burst of requests with the new key's tokens, all at once, right after the rotation.
    ExecutorService requests = Executors.newFixedThreadPool(16);
    try {
      List<Callable<String>> burst = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        burst.add(() -> jwt.verify(after).subject());
      }
      for (Future<String> result : requests.invokeAll(burst)) {
        assertEquals(IdentityProvider.CLIENT, result.get(), "no 401 after the rotation");
      }
    } finally {
      requests.shutdownNow();
    }
    assertEquals(fetchesBefore + 1, IdentityProvider.JWKS_REQUESTS.get(), "one refetch");
    List<String> calls = new ArrayList<>();
    assertEquals("orders", guarded(calls).list("Bearer " + after), "through the guard too");
    assertEquals(List.of("list by " + IdentityProvider.CLIENT), calls);
    // The old key is still published, so the tokens it signed keep verifying, without a fetch.
    assertEquals(IdentityProvider.CLIENT, jwt.verify(before).subject());
    assertEquals(fetchesBefore + 1, IdentityProvider.JWKS_REQUESTS.get());
  }

  @Test
  void tokensForAnotherAudienceOrIssuerAreRefused() throws Exception {
    String token = token("orders:read");
    try (ApoJwt otherAudience =
            ApoJwt.builder()
                .issuer(base.toString())
                .jwksUri(base.resolve("/oauth2/jwks"))
                .serverAudience("billing-api")
                .permissionsClaim("scope")
                .build();
        ApoJwt otherIssuer =
            ApoJwt.builder()
                .issuer("https://auth.example.com")
                .jwksUri(base.resolve("/oauth2/jwks"))
                .serverAudience(IdentityProvider.CLIENT)
                .permissionsClaim("scope")
                .build()) {
      assertEquals(
          AuthFailure.Reason.BAD_AUDIENCE,
          assertThrows(ApoJwtException.class, () -> otherAudience.verify(token)).reason());
      assertEquals(
          AuthFailure.Reason.BAD_ISSUER,
          assertThrows(ApoJwtException.class, () -> otherIssuer.verify(token)).reason());
    }
  }
}
