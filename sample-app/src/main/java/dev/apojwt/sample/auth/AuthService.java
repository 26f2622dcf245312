package dev.apojwt.sample.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apojwt.ApoJwt;
import dev.apojwt.ApoJwtException;
import dev.apojwt.TokenPair;
import dev.apojwt.VerifiedRefresh;
import dev.apojwt.sample.api.AuthApi;
import dev.apojwt.sample.web.ApiError;
import dev.apojwt.sample.web.Json;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Login, refresh and logout. The access token goes into the response body; the refresh token into
 * the {@link RefreshCookie}. Each login starts an apojwt session ({@link ApoJwt#createTokens}, a
 * {@code sid} in both tokens); each refresh rotates it ({@link ApoJwt#rotate}: a refresh token
 * works once, and reusing one ends the session everywhere); logout ends it ({@link ApoJwt#logout}).
 * The refresh token carries the user's name and when they entered their password.
 */
public final class AuthService implements AuthApi {
  private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);

  /** Refresh data keys. */
  static final String USER = "user";

  /** When the user last entered their password (OpenID Connect's auth_time), epoch seconds. */
  static final String AUTH_TIME = "auth_time";

  static final int MAX_USERNAME = 64;
  static final int MAX_PASSWORD = 1024;

  /** What a refresh that found its session over says (also the guard's, see SessionRefusals). */
  public static final String SESSION_ENDED = "session has ended; log in again";

  private final UserStore users;
  private final ApoJwt jwt;
  private final RefreshCookie cookie;
  private final Clock clock;

  public AuthService(UserStore users, ApoJwt jwt, RefreshCookie cookie, Clock clock) {
    this.users = Objects.requireNonNull(users, "users");
    this.jwt = Objects.requireNonNull(jwt, "jwt");
    this.cookie = Objects.requireNonNull(cookie, "cookie");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public TokenResponse login(Context ctx) {
    ObjectNode body = Json.requestObject(ctx);
    Json.onlyFields(body, "username", "password");
    String username = Json.requiredString(body, "username", MAX_USERNAME);
    char[] password = Json.requiredString(body, "password", MAX_PASSWORD).toCharArray();
    Optional<User> user;
    try {
      user = users.authenticate(username, password);
    } finally {
      Arrays.fill(password, '\0');
    }
    if (user.isEmpty()) {
      LOG.info("login refused for a wrong username or password");
      throw new ApiError(
          401,
          "invalid_credentials",
          "wrong username or password",
          Map.of("WWW-Authenticate", "Bearer"));
    }
    LOG.info("login: {}", user.get().username());
    long authTime = clock.instant().getEpochSecond();
    return respond(
        ctx,
        jwt.createTokens(
            user.get().username(),
            user.get().permissions(),
            Map.of(AUTH_TIME, authTime),
            refreshData(user.get(), authTime)));
  }

  @Override
  public TokenResponse refresh(Context ctx, Map<String, Object> data, VerifiedRefresh token) {
    String username = stringOf(data.get(USER));
    Object authTime = data.get(AUTH_TIME);
    if (username == null || !(authTime instanceof Number) || !username.equals(token.subject())) {
      // Signed with our refresh secret but not made by this service's login: refuse.
      cookie.clear(ctx);
      throw ApiError.refreshRejected("refresh token is not from this service's login");
    }
    Optional<User> user = users.find(username);
    if (user.isEmpty()) {
      jwt.logout(token);
      cookie.clear(ctx);
      throw ApiError.refreshRejected("the user no longer exists");
    }
    long since = ((Number) authTime).longValue();
    try {
      // Permissions come from the user store, not the old token: changes apply at the next
      // refresh.
      return respond(
          ctx,
          jwt.rotate(
              token,
              username,
              user.get().permissions(),
              Map.of(AUTH_TIME, since),
              refreshData(user.get(), since)));
    } catch (ApoJwtException e) {
      switch (e.reason()) {
        case REUSED:
          LOG.warn("refresh token reused for {}: session revoked", username);
          cookie.clear(ctx);
          throw ApiError.refreshRejected("refresh token was already used; log in again");
        case REVOKED:
        case EXPIRED:
          cookie.clear(ctx);
          throw ApiError.refreshRejected(SESSION_ENDED);
        default:
          throw e; // UNAVAILABLE (503): the session store cannot be reached; keep the cookie
      }
    }
  }

  @Override
  public void logout(Context ctx) {
    String refresh = RefreshCookie.read(ctx);
    if (refresh != null && !refresh.isEmpty()) {
      try {
        VerifiedRefresh token = jwt.verifyRefresh(refresh);
        jwt.logout(token);
        LOG.info("logout: {}", token.subject());
      } catch (ApoJwtException e) {
        if (e.status() == 503) {
          throw e; // the session could not be ended: say so rather than pretend
        }
        // An expired, foreign or already ended cookie: nothing to end, but clear it all the same.
      }
    }
    cookie.clear(ctx);
  }

  private static Map<String, Object> refreshData(User user, long authTime) {
    return Map.of(USER, user.username(), AUTH_TIME, authTime);
  }

  private TokenResponse respond(Context ctx, TokenPair pair) {
    cookie.set(ctx, pair.refresh());
    // RFC 6749 5.1: responses carrying tokens must not be cached.
    ctx.header("Cache-Control", "no-store");
    return new TokenResponse(pair.access(), "Bearer", jwt.expPeriod().getSeconds());
  }

  private static String stringOf(Object value) {
    return value instanceof String && !((String) value).isEmpty() ? (String) value : null;
  }
}
