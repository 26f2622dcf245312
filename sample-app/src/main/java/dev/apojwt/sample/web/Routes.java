package dev.apojwt.sample.web;

import dev.apojwt.sample.api.AdminApi;
import dev.apojwt.sample.api.GuardedAccountApi;
import dev.apojwt.sample.api.GuardedAuthApi;
import dev.apojwt.sample.api.GuardedOrdersApi;
import dev.apojwt.sample.api.OrdersApi;
import dev.apojwt.sample.api.SystemApi;
import io.javalin.config.JavalinConfig;
import java.util.Objects;

/**
 * The HTTP routes, each calling one handler method. The handlers passed in are the generated
 * guards, so every call is checked before it reaches an implementation. Where a method has
 * parameters the guard fills in (subject, permissions, token data, verified tokens), the route
 * calls the guard's overload without them: {@code orders.mine()}.
 */
public final class Routes {
  private final SystemApi system;
  private final GuardedAuthApi auth;
  private final GuardedAccountApi account;
  private final GuardedOrdersApi orders;
  private final AdminApi admin;

  public Routes(
      SystemApi system,
      GuardedAuthApi auth,
      GuardedAccountApi account,
      GuardedOrdersApi orders,
      AdminApi admin) {
    this.system = Objects.requireNonNull(system, "system");
    this.auth = Objects.requireNonNull(auth, "auth");
    this.account = Objects.requireNonNull(account, "account");
    this.orders = Objects.requireNonNull(orders, "orders");
    this.admin = Objects.requireNonNull(admin, "admin");
  }

  public void install(JavalinConfig config) {
    var routes = config.routes;
    routes.get("/health", ctx -> ctx.json(system.health()));
    routes.get("/access", ctx -> ctx.json(system.accessTables()));

    routes.post("/login", ctx -> ctx.json(auth.login(ctx)));
    routes.post("/refresh", ctx -> ctx.json(auth.refresh(ctx)));
    routes.post(
        "/logout",
        ctx -> {
          auth.logout(ctx);
          ctx.status(204);
        });

    routes.get("/me", ctx -> ctx.json(account.me()));

    // Before /orders/{id}: routes match in the order they are declared.
    routes.get("/orders/mine", ctx -> ctx.json(orders.mine()));
    routes.get("/orders/{id}", ctx -> ctx.json(orders.get(ctx.pathParam("id"))));
    routes.get("/orders", ctx -> ctx.json(orders.all()));
    routes.post(
        "/orders",
        ctx -> {
          OrdersApi.Order order = orders.create(ctx);
          ctx.status(201).header("Location", "/orders/" + order.id()).json(order);
        });
    routes.delete(
        "/orders/{id}",
        ctx -> {
          orders.delete(ctx.pathParam("id"));
          ctx.status(204);
        });

    routes.get("/admin/users", ctx -> ctx.json(admin.users()));
  }
}
