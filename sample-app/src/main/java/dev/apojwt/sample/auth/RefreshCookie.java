package dev.apojwt.sample.auth;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Duration;

/**
 * The {@code refresh_token} cookie: HttpOnly (scripts cannot read it), Secure (sent over HTTPS
 * only; browsers and curl also send it to {@code http://localhost}), SameSite=Strict (never sent by
 * cross-site requests, so a forged POST /refresh or /logout carries no cookie), on path {@code /}
 * so that both {@code /refresh} and {@code /logout} receive it, and living as long as the refresh
 * token.
 */
public final class RefreshCookie {
  public static final String NAME = "refresh_token";
  public static final String PATH = "/";

  private final int maxAgeSeconds;

  public RefreshCookie(Duration refreshTtl) {
    this.maxAgeSeconds = (int) Math.min(Integer.MAX_VALUE, refreshTtl.getSeconds());
  }

  /** Sets the cookie to {@code refreshToken}. */
  public void set(Context ctx, String refreshToken) {
    ctx.cookie(cookie(refreshToken, maxAgeSeconds));
  }

  /** Tells the browser to delete the cookie (same name, path and attributes, Max-Age=0). */
  public void clear(Context ctx) {
    ctx.cookie(cookie("", 0));
  }

  /** The cookie's value in the request, or null. */
  public static String read(Context ctx) {
    return ctx.cookie(NAME);
  }

  private static Cookie cookie(String value, int maxAge) {
    return new Cookie(NAME, value, PATH, maxAge, true, true, null, SameSite.STRICT);
  }
}
