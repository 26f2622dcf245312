package dev.apojwt.sample;

import dev.apojwt.AccessTable;
import dev.apojwt.ApoJwt;
import dev.apojwt.MemorySessionStore;
import dev.apojwt.SessionStore;
import dev.apojwt.javalin.JavalinTemplate;
import dev.apojwt.redis.RedisSessionStore;
import dev.apojwt.sample.api.AdminApi;
import dev.apojwt.sample.api.GuardedAccountApi;
import dev.apojwt.sample.api.GuardedAdminApi;
import dev.apojwt.sample.api.GuardedAuthApi;
import dev.apojwt.sample.api.GuardedOrdersApi;
import dev.apojwt.sample.api.GuardedSystemApi;
import dev.apojwt.sample.api.Perms;
import dev.apojwt.sample.api.PermsHierarchy;
import dev.apojwt.sample.api.SystemApi;
import dev.apojwt.sample.auth.AccountService;
import dev.apojwt.sample.auth.AdminService;
import dev.apojwt.sample.auth.AuthService;
import dev.apojwt.sample.auth.PasswordHasher;
import dev.apojwt.sample.auth.RefreshCookie;
import dev.apojwt.sample.auth.SessionRefusals;
import dev.apojwt.sample.auth.User;
import dev.apojwt.sample.auth.UserStore;
import dev.apojwt.sample.auth.Users;
import dev.apojwt.sample.config.AppConfig;
import dev.apojwt.sample.orders.OrderStore;
import dev.apojwt.sample.orders.OrdersService;
import dev.apojwt.sample.system.SystemService;
import dev.apojwt.sample.web.ErrorResponses;
import dev.apojwt.sample.web.Json;
import dev.apojwt.sample.web.Routes;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The orders service: configuration in, a running Javalin server out. {@link Main} starts it from
 * the environment; tests start it on port 0 with a clock they control.
 */
public final class SampleApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SampleApp.class);

  /** Request bodies are small JSON objects. */
  static final long MAX_REQUEST_BYTES = 16 * 1024;

  static final int MAX_ORDERS = 10_000;

  private final Javalin javalin;
  private final SessionStore sessions;

  private SampleApp(Javalin javalin, SessionStore sessions) {
    this.javalin = javalin;
    this.sessions = sessions;
  }

  /**
   * Builds the service from {@code config} and starts it on {@code config.host()} and {@code
   * config.port()} (0: a free port, see {@link #port()}).
   *
   * @throws IllegalArgumentException for an invalid configuration (a short secret, a bad users
   *     file, ...), saying what to fix
   */
  public static SampleApp start(AppConfig config, Clock clock) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(clock, "clock");
    if (config.accessSecret().generated()) {
      LOG.warn(
          "{} is not set: generated a random access-token secret; tokens will not survive a"
              + " restart, and other instances cannot verify them",
          AppConfig.JWT_SECRET);
    }
    if (config.refreshSecret().generated()) {
      LOG.warn(
          "{} is not set: generated a random refresh-token secret; refresh cookies will not"
              + " survive a restart",
          AppConfig.JWT_REFRESH_SECRET);
    }
    JavalinTemplate web = JavalinTemplate.create(RefreshCookie.NAME);
    RefreshCookie cookie = new RefreshCookie(config.refreshTtl());
    SessionStore sessions = sessions(config);
    ApoJwt jwt;
    try {
      jwt = apoJwt(config, clock, web, sessions, cookie);
    } catch (RuntimeException e) {
      sessions.close();
      throw e;
    }

    Set<String> knownPermissions = PermsHierarchy.HIERARCHY.permissions();
    PasswordHasher hasher = new PasswordHasher(config.passwordHashIterations(), new SecureRandom());
    List<User> userList;
    if (config.usersFile() == null) {
      LOG.warn(
          "{} is not set: using the built-in demo users (see README); never in production",
          AppConfig.USERS_FILE);
      userList = Users.demo(hasher, knownPermissions);
    } else {
      userList = Users.load(config.usersFile(), knownPermissions);
    }
    UserStore users = new UserStore(userList, hasher);

    List<AccessTable> tables =
        List.of(
            GuardedSystemApi.accessTable(),
            GuardedAuthApi.accessTable(),
            GuardedAccountApi.accessTable(),
            GuardedOrdersApi.accessTable(),
            GuardedAdminApi.accessTable());
    SystemApi system = new GuardedSystemApi(new SystemService(tables, Perms.ADMIN), jwt);
    GuardedAuthApi auth = new GuardedAuthApi(new AuthService(users, jwt, cookie, clock), jwt);
    GuardedAccountApi account = new GuardedAccountApi(new AccountService(), jwt);
    GuardedOrdersApi orders =
        new GuardedOrdersApi(new OrdersService(new OrderStore(clock, MAX_ORDERS)), jwt);
    AdminApi admin = new GuardedAdminApi(new AdminService(users), jwt);
    Routes routes = new Routes(system, auth, account, orders, admin);

    Javalin javalin =
        Javalin.create(
            c -> {
              c.startup.showJavalinBanner = false;
              c.startup.showOldJavalinVersionWarning = false;
              c.jetty.host = config.host();
              c.jetty.port = config.port();
              c.http.maxRequestSize = MAX_REQUEST_BYTES;
              c.http.prefer405over404 = true;
              c.jsonMapper(new JavalinJackson(Json.MAPPER, false));
              c.requestLogger.http(
                  (ctx, ms) ->
                      LOG.info(
                          "{} {} -> {} ({} ms)",
                          ctx.method(),
                          ctx.path(),
                          ctx.statusCode(),
                          Math.round(ms)));
              web.install(c); // apojwt: the request for the guards, refused calls as JSON
              ErrorResponses.install(c);
              routes.install(c);
            });
    javalin.start();
    LOG.info("{}", jwt);
    LOG.info(
        "orders service listening on http://{}:{} ({} users)",
        config.host(),
        javalin.port(),
        users.all().size());
    return new SampleApp(javalin, sessions);
  }

  /**
   * Where sessions live: in this process ({@link MemorySessionStore}, one instance), or in the
   * Redis at {@code REDIS_URL}, shared by every instance of the service.
   *
   * @throws IllegalArgumentException if that Redis cannot be reached (within 10 s)
   */
  static SessionStore sessions(AppConfig config) {
    if (config.redisUrl() == null) {
      LOG.info("sessions in memory (one instance); set {} to share them", AppConfig.REDIS_URL);
      return new MemorySessionStore();
    }
    RedisSessionStore store;
    try {
      store = RedisSessionStore.create(config.redisUrl());
    } catch (IllegalStateException e) {
      // Says host and port, never the URL's password.
      throw new IllegalArgumentException(
          AppConfig.REDIS_URL + ": " + e.getMessage() + "; start Redis, or unset it", e);
    }
    LOG.info("sessions in {}", store);
    return store;
  }

  /**
   * The ApoJwt of this service: HS256 with the configured secrets, {@link Perms#ADMIN} passing
   * every check, sessions in {@code sessions}, and the Javalin template: tokens from the {@code
   * Authorization} header, refresh tokens from the {@code refresh_token} cookie, refused calls
   * answered as JSON.
   */
  static ApoJwt apoJwt(
      AppConfig config,
      Clock clock,
      JavalinTemplate web,
      SessionStore sessions,
      RefreshCookie cookie) {
    try {
      return ApoJwt.builder()
          .secret(config.accessSecret().value())
          .issuer(config.issuer())
          .serverAudience(config.audience())
          .expPeriod(config.accessTtl())
          .adminPermission(Perms.ADMIN)
          .template(web)
          .exceptionHandler(new SessionRefusals(web.exceptionHandler(), cookie))
          .refresh(config.refreshSecret().value(), config.refreshTtl())
          .sessions(sessions)
          .clock(clock)
          .build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "invalid token configuration ("
              + String.join(
                  ", ",
                  AppConfig.JWT_SECRET,
                  AppConfig.JWT_REFRESH_SECRET,
                  AppConfig.JWT_ACCESS_TTL,
                  AppConfig.JWT_REFRESH_TTL)
              + "): "
              + e.getMessage(),
          e);
    }
  }

  /** The port the server listens on. */
  public int port() {
    return javalin.port();
  }

  /** Stops the server, and closes the session store. */
  @Override
  public void close() {
    try {
      javalin.stop();
    } finally {
      sessions.close();
    }
  }
}
