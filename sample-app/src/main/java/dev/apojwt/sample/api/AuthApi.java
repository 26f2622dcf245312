package dev.apojwt.sample.api;

import dev.apojwt.VerifiedRefresh;
import dev.apojwt.annotation.Public;
import dev.apojwt.annotation.Refresh;
import dev.apojwt.annotation.RefreshData;
import io.javalin.http.Context;
import java.util.Map;

/** Login, refresh and logout. */
public interface AuthApi {
  /**
   * {@code POST /login} with {@code {"username": ..., "password": ...}}: the access token in the
   * body, the refresh token in the {@code refresh_token} cookie.
   */
  @Public
  TokenResponse login(Context ctx);

  /**
   * {@code POST /refresh}: the guard verifies the refresh token from the cookie (never an access
   * token); this rotates both tokens.
   */
  @Refresh
  TokenResponse refresh(Context ctx, @RefreshData Map<String, Object> data, VerifiedRefresh token);

  /** {@code POST /logout}: ends the session of the refresh cookie, if any, and clears it. */
  @Public
  void logout(Context ctx);

  /** The access token as OAuth 2.0 (RFC 6749 5.1) returns it. */
  record TokenResponse(String accessToken, String tokenType, long expiresIn) {}
}
