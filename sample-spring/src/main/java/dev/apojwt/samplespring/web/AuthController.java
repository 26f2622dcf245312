package dev.apojwt.samplespring.web;

import dev.apojwt.ApoJwt;
import dev.apojwt.TokenPair;
import dev.apojwt.samplespring.api.AuthApi;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /auth}: the routes call {@link AuthApi}, which is the guard. */
@RestController
@RequestMapping("/auth")
public class AuthController {
  private final AuthApi auth;
  private final ApoJwt jwt;

  public AuthController(AuthApi auth, ApoJwt jwt) {
    this.auth = auth;
    this.jwt = jwt;
  }

  /** The login form of the JSON body. */
  public record Login(String username, String password) {}

  @PostMapping("/login")
  public ResponseEntity<Map<String, Object>> login(@RequestBody Login login) {
    return auth.login(login.username(), login.password())
        .map(this::issued)
        .orElseGet(
            () ->
                ResponseEntity.status(HttpStatus.BAD_REQUEST)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(
                        Map.of(
                            "error", "invalid_grant",
                            "message", "unknown username or wrong password")));
  }

  @PostMapping("/refresh")
  public ResponseEntity<Map<String, Object>> refresh() {
    return issued(auth.refresh(null));
  }

  /** Clears the refresh cookie (its token then expires unused). */
  @PostMapping("/logout")
  public ResponseEntity<Void> logout() {
    return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, RefreshCookie.clear()).build();
  }

  @GetMapping("/me")
  public Map<String, Object> me() {
    return Map.of("subject", auth.me(null));
  }

  /** The access token as OAuth 2.0 returns it (RFC 6749 5.1), the refresh token in the cookie. */
  private ResponseEntity<Map<String, Object>> issued(TokenPair tokens) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", tokens.access());
    body.put("token_type", "Bearer");
    body.put("expires_in", jwt.expPeriod().toSeconds());
    return ResponseEntity.ok()
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header(HttpHeaders.SET_COOKIE, RefreshCookie.set(tokens.refresh(), jwt.refreshPeriod()))
        .body(body);
  }
}
