package dev.apojwt.sample.api;

import dev.apojwt.annotation.PermissionRequired;
import dev.apojwt.annotation.TokenRequired;
import dev.apojwt.annotation.TokenSubject;
import io.javalin.http.Context;
import java.util.List;

/** Orders: each method declares who may call it; the generated GuardedOrdersApi enforces it. */
public interface OrdersApi {
  /** {@code GET /orders/mine}: any logged-in user sees the orders they placed. */
  @TokenRequired
  List<Order> mine(@TokenSubject String owner);

  /** {@code GET /orders/{id}}: any order, for orders:read (and all that imply it). */
  @PermissionRequired(Perms.ORDERS_READ)
  Order get(String id);

  /**
   * {@code POST /orders} with {@code {"item": ..., "quantity": n}}: placed for the caller. The only
   * method here that takes the {@link Context}: it reads the request body. The others need no
   * request object at all; the Javalin template finds the token of the current request.
   */
  @PermissionRequired(Perms.ORDERS_WRITE)
  Order create(Context ctx, @TokenSubject String owner);

  /** {@code DELETE /orders/{id}}. */
  @PermissionRequired(Perms.ORDERS_ADMIN)
  void delete(String id);

  /** {@code GET /orders}: every order, for order admins and support staff. */
  @PermissionRequired(anyOf = {Perms.ORDERS_ADMIN, Perms.SUPPORT})
  List<Order> all();

  /** An order as the API shows it. */
  record Order(String id, String owner, String item, int quantity, String createdAt) {}
}
