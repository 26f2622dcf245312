package dev.apojwt.samplespring.auth;

import dev.apojwt.ApoJwt;
import dev.apojwt.ApoJwtException;
import dev.apojwt.AuthFailure;
import dev.apojwt.TokenPair;
import dev.apojwt.samplespring.api.AuthApi;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Issues tokens. The access token carries the user's permissions; the refresh token carries only
 * {@code user_id}, so a refresh reads the user's current permissions.
 */
@Service
public class AuthService implements AuthApi {
  private final ApoJwt jwt;

  public AuthService(ApoJwt jwt) {
    this.jwt = jwt;
  }

  @Override
  public Optional<TokenPair> login(String username, String password) {
    return DemoUsers.check(username, password).map(this::tokensFor);
  }

  @Override
  public TokenPair refresh(Map<String, Object> data) {
    Object userId = data.get("user_id");
    DemoUsers.User user = userId instanceof String name ? DemoUsers.named(name).orElse(null) : null;
    if (user == null) {
      // The starter answers it as any refusal: 401, JSON, the RFC 6750 challenge.
      throw new ApoJwtException(
          AuthFailure.of(AuthFailure.Reason.REVOKED, "the refresh token's user is unknown"));
    }
    return tokensFor(user);
  }

  @Override
  public String me(String subject) {
    return subject;
  }

  private TokenPair tokensFor(DemoUsers.User user) {
    return jwt.createTokens(
        user.name(), user.permissions(), Map.of(), Map.of("user_id", user.name()));
  }
}
