package dev.apojwt.samplespring.api;

import dev.apojwt.TokenPair;
import dev.apojwt.annotation.Public;
import dev.apojwt.annotation.Refresh;
import dev.apojwt.annotation.RefreshData;
import dev.apojwt.annotation.TokenRequired;
import dev.apojwt.annotation.TokenSubject;
import java.util.Map;
import java.util.Optional;

/** Login, refresh and who is calling. */
public interface AuthApi {
  /** {@code POST /auth/login}: both tokens for a known user and password, else empty. */
  @Public
  Optional<TokenPair> login(String username, String password);

  /**
   * {@code POST /auth/refresh}: the guard verifies the refresh token from the {@code refresh_token}
   * cookie (never an access token); new tokens with the user's current permissions.
   */
  @Refresh
  TokenPair refresh(@RefreshData Map<String, Object> data);

  /** {@code GET /auth/me}: the caller's subject. */
  @TokenRequired
  String me(@TokenSubject String subject);
}
