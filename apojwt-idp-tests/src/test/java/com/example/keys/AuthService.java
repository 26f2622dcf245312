package com.example.keys;

import com.sun.net.httpserver.HttpServer;
import dev.apojwt.ApoJwt;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Map;
import java.util.function.Supplier;

/** Signs the tokens of every service with its private key, and publishes the public keys. */
public final class AuthService {
  private AuthService() {}

  /** Signs with {@code signing} (tokens carry {@code kid}); {@code alsoAccepted} still verify. */
  public static ApoJwt keys(String kid, KeyPair signing, Map<String, PublicKey> alsoAccepted) {
    ApoJwt.Builder builder =
        ApoJwt.builder()
            .algorithm("EdDSA") // Ed25519; or ES256 with an EC key pair, RS256 with an RSA one
            .signingKeys(kid, signing)
            .issuer("https://auth.example.com")
            .serverAudience("orders-api", "billing-api");
    alsoAccepted.forEach(builder::verificationKey);
    return builder.build();
  }

  /** Serves {@code jwks} (the current {@code jwt.jwks()}) at /.well-known/jwks.json. */
  public static HttpServer publish(Supplier<String> jwks, InetSocketAddress address)
      throws IOException {
    HttpServer server = HttpServer.create(address, 0);
    server.createContext(
        "/.well-known/jwks.json",
        exchange -> {
          byte[] body = jwks.get().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
          exchange.getResponseHeaders().set("Cache-Control", "max-age=300");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    return server;
  }
}
