package dev.apojwt.samplespring.web;

import java.time.Duration;
import org.springframework.http.ResponseCookie;

/**
 * The {@code refresh_token} cookie: HttpOnly (scripts cannot read it), Secure (HTTPS only; browsers
 * and curl also send it to {@code http://localhost}), SameSite=Strict (no cross-site request
 * carries it), only on {@code /auth}, living as long as the refresh token.
 */
final class RefreshCookie {
  static final String NAME = "refresh_token";

  private RefreshCookie() {}

  static String set(String refreshToken, Duration lifetime) {
    return cookie(refreshToken, lifetime).toString();
  }

  static String clear() {
    return cookie("", Duration.ZERO).toString();
  }

  private static ResponseCookie cookie(String value, Duration maxAge) {
    return ResponseCookie.from(NAME, value)
        .httpOnly(true)
        .secure(true)
        .sameSite("Strict")
        .path("/auth")
        .maxAge(maxAge)
        .build();
  }
}
