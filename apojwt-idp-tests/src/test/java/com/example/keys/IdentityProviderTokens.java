package com.example.keys;

import dev.apojwt.ApoJwt;
import java.net.URI;

/** Verifies an identity provider's access tokens (RFC 9068), e.g. Spring Authorization Server's. */
public final class IdentityProviderTokens {
  private IdentityProviderTokens() {}

  public static ApoJwt verifier(String issuer, String audience) {
    return ApoJwt.builder()
        .issuer(issuer) // e.g. https://auth.example.com
        // Spring Authorization Server: /oauth2/jwks; Keycloak: /protocol/openid-connect/certs
        .jwksUri(URI.create(issuer + "/oauth2/jwks"))
        .algorithms("RS256", "ES256")
        .serverAudience(audience)
        // the scopes as permissions; Keycloak's roles: "realm_access.roles"
        .permissionsClaim("scope")
        .build();
  }
}
