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
 * the {@link RefreshCookie}. Each login opens a {@link RefreshSessions session}, carried in the
 * refresh token's data with the user's name and the time they entered their password.
 */
public final class AuthService implements AuthApi {
  private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);

  /** Refresh data keys. */
  static final String USER = "user";

  static final String SESSION = "sid";

  /** When the user last entered their password (OpenID Connect's auth_time), epoch seconds. */
  static final String AUTH_TIME = "auth_time";

  static final int MAX_USERNAME = 64;
  static final int MAX_PASSWORD = 1024;

  private final UserStore users;
  private final ApoJwt jwt;
  private final RefreshSessions sessions;
  private final RefreshCookie cookie;
  private final Clock clock;

  public AuthService(
      UserStore users, ApoJwt jwt, RefreshSessions sessions, RefreshCookie cookie, Clock clock) {
    this.users = Objects.requireNonNull(users, "users");
    this.jwt = Objects.requireNonNull(jwt, "jwt");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
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
    return issue(ctx, user.get(), sessions.open(), clock.instant().getEpochSecond());
  }

  @Override
  public TokenResponse refresh(Context ctx, Map<String, Object> data, VerifiedRefresh token) {
    String username = stringOf(data.get(USER));
    String session = stringOf(data.get(SESSION));
    Object authTime = data.get(AUTH_TIME);
    if (username == null
        || session == null
        || !(authTime instanceof Number)
        || token.id() == null) {
      // Signed with our refresh secret but not made by this service's login: refuse.
      cookie.clear(ctx);
      throw ApiError.refreshRejected("refresh token is not from this service's login");
    }
    switch (sessions.use(session, token.id(), token.expiresAt())) {
      case REUSED:
        LOG.warn("refresh token reused for {}: session revoked", username);
        cookie.clear(ctx);
        throw ApiError.refreshRejected("refresh token was already used; log in again");
      case REVOKED:
        cookie.clear(ctx);
        throw ApiError.refreshRejected("session has ended; log in again");
      default:
        break;
    }
    Optional<User> user = users.find(username);
    if (user.isEmpty()) {
      sessions.revoke(session);
      cookie.clear(ctx);
      throw ApiError.refreshRejected("the user no longer exists");
    }
    // Permissions come from the user store, not the old token: changes apply at the next refresh.
    return issue(ctx, user.get(), session, ((Number) authTime).longValue());
  }

  @Override
  public void logout(Context ctx) {
    String refresh = RefreshCookie.read(ctx);
    if (refresh != null && !refresh.isEmpty()) {
      try {
        VerifiedRefresh token = jwt.verifyRefresh(refresh);
        String session = stringOf(token.data().get(SESSION));
        if (session != null) {
          sessions.revoke(session);
          LOG.info("logout: {}", stringOf(token.data().get(USER)));
        }
      } catch (ApoJwtException e) {
        // An expired or foreign cookie: nothing to revoke, but clear it all the same.
      }
    }
    cookie.clear(ctx);
  }

  private TokenResponse issue(Context ctx, User user, String session, long authTime) {
    TokenPair pair =
        jwt.createTokens(
            user.username(),
            user.permissions(),
            Map.of(AUTH_TIME, authTime),
            Map.of(USER, user.username(), SESSION, session, AUTH_TIME, authTime));
    cookie.set(ctx, pair.refresh());
    // RFC 6749 5.1: responses carrying tokens must not be cached.
    ctx.header("Cache-Control", "no-store");
    return new TokenResponse(pair.access(), "Bearer", jwt.expPeriod().getSeconds());
  }

  private static String stringOf(Object value) {
    return value instanceof String && !((String) value).isEmpty() ? (String) value : null;
  }
}
