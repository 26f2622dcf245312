package com.example.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.apojwt.ApoJwt;
import dev.apojwt.ApoJwtException;
import dev.apojwt.AuthFailure;
import dev.apojwt.VerifiedToken;
import dev.apojwt.templatetests.ReadmeSnippets;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * README's "Keys across services": the auth service publishes its keys over HTTP, a service
 * verifies its tokens through the JWKS URI, and the key rotation goes as README tells it.
 */
class KeysAcrossServicesTest {
  private static final KeyPair KEY_11 = ed25519();
  private static final KeyPair KEY_12 = ed25519();

  private final AtomicReference<ApoJwt> auth = new AtomicReference<>();
  private final AtomicInteger fetches = new AtomicInteger();
  private final List<ApoJwt> services = new ArrayList<>();
  private HttpServer server;
  private URI base;

  private static KeyPair ed25519() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeEach
  void startTheAuthService() throws Exception {
    auth.set(AuthService.keys("2026-11", KEY_11, Map.of()));
    server =
        AuthService.publish(
            () -> {
              fetches.incrementAndGet();
              return auth.get().jwks();
            },
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    services.forEach(ApoJwt::close);
    server.stop(0);
  }

  private ApoJwt ordersService() {
    ApoJwt jwt = OrdersService.verifier(base);
    services.add(jwt);
    return jwt;
  }

  private String token() {
    return auth.get().createToken("alice", List.of("orders:read"), Map.of("tenant", "acme"));
  }

  private static AuthFailure.Reason refusal(ApoJwt jwt, String token) {
    return assertThrows(ApoJwtException.class, () -> jwt.verify(token)).reason();
  }

  @Test
  void readmeShowsTheseSources() throws Exception {
    for (String name : List.of("AuthService", "OrdersService", "IdentityProviderTokens")) {
      ReadmeSnippets.assertShown(
          "apojwt-idp-tests/src/test/java/com/example/keys/" + name + ".java");
    }
  }

  @Test
  void aServiceVerifiesTheAuthServicesTokensWithThePublishedKeys() {
    ApoJwt orders = ordersService();
    assertEquals(1, fetches.get(), "fetched once, at build()");
    String token = token();
    VerifiedToken verified = orders.verify(token);
    assertEquals("alice", verified.subject());
    assertEquals(Set.of("orders:read"), verified.permissions());
    assertSame(verified, orders.verify(token), "the second time, from the verified cache");
    assertEquals(1, fetches.get(), "verification never fetches");

    String published = auth.get().jwks();
    assertTrue(published.contains("\"kty\":\"OKP\""), published);
    assertTrue(published.contains("\"kid\":\"2026-11\""), published);
    assertFalse(published.contains("\"d\""), "no private part: " + published);

    try (ApoJwt shipping = otherService("EdDSA", "shipping-api")) {
      assertEquals(AuthFailure.Reason.BAD_AUDIENCE, refusal(shipping, token));
    }
    try (ApoJwt es256Only = otherService("ES256", "orders-api")) {
      assertEquals(AuthFailure.Reason.BAD_ALGORITHM, refusal(es256Only, token));
    }
  }

  /** OrdersService's configuration with another algorithm allowed or another audience. */
  private ApoJwt otherService(String algorithm, String audience) {
    return ApoJwt.builder()
        .jwksUri(base.resolve("/.well-known/jwks.json"))
        .algorithms(algorithm)
        .issuer("https://auth.example.com")
        .serverAudience(audience)
        .build();
  }

  @Test
  void aKeyRotationStepByStep() {
    ApoJwt orders = ordersService();
    String before = token();
    assertEquals("alice", orders.verify(before).subject());

    // 1. Publish the next key before anything is signed with it.
    auth.set(AuthService.keys("2026-11", KEY_11, Map.of("2026-12", KEY_12.getPublic())));
    ApoJwt billing = ordersService(); // a service that fetches the set from now on
    // 2. Sign with the next key; the previous one verifies while its tokens live.
    auth.set(AuthService.keys("2026-12", KEY_12, Map.of("2026-11", KEY_11.getPublic())));
    String after = token();
    int fetched = fetches.get();
    assertEquals("alice", billing.verify(after).subject());
    assertEquals(fetched, fetches.get(), "it knew the next key: no fetch");
    assertEquals("alice", orders.verify(after).subject());
    assertEquals(fetched + 1, fetches.get(), "the kid it did not know: one refetch");
    assertEquals("alice", orders.verify(before).subject());
    // 3. Once the previous key's tokens have expired, drop it.
    auth.set(AuthService.keys("2026-12", KEY_12, Map.of()));
    ApoJwt later = ordersService();
    assertEquals("alice", later.verify(after).subject());
    assertEquals(AuthFailure.Reason.BAD_SIGNATURE, refusal(later, before));
  }
}
