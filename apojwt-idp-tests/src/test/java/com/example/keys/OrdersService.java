package com.example.keys;

import dev.apojwt.ApoJwt;
import java.net.URI;

/** One of the services: verifies the auth service's tokens with the keys it publishes. */
public final class OrdersService {
  private OrdersService() {}

  public static ApoJwt verifier(URI authService) {
    return ApoJwt.builder()
        .jwksUri(authService.resolve("/.well-known/jwks.json"))
        .algorithms("EdDSA") // the allow-list: a token of any other alg is refused first
        .issuer("https://auth.example.com")
        .serverAudience("orders-api")
        .verifiedCache(10_000) // a token seen again skips its signature check
        .build();
  }
}
