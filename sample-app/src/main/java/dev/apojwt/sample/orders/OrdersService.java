package dev.apojwt.sample.orders;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apojwt.sample.api.OrdersApi;
import dev.apojwt.sample.web.ApiError;
import dev.apojwt.sample.web.Json;
import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;

/**
 * The orders endpoints' logic. It checks no token and no permission: the generated {@code
 * GuardedOrdersApi} has done that before any method here runs.
 */
public final class OrdersService implements OrdersApi {
  static final int MAX_ITEM = 200;
  static final int MAX_QUANTITY = 1000;

  private final OrderStore store;

  public OrdersService(OrderStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public List<Order> mine(String owner) {
    return store.ownedBy(owner);
  }

  @Override
  public Order get(String id) {
    return store.get(id).orElseThrow(() -> ApiError.notFound("no order with this id"));
  }

  @Override
  public Order create(Context ctx, String owner) {
    ObjectNode body = Json.requestObject(ctx);
    Json.onlyFields(body, "item", "quantity");
    String item = Json.requiredString(body, "item", MAX_ITEM);
    int quantity = Json.requiredInt(body, "quantity", 1, MAX_QUANTITY);
    return store
        .add(owner, item.strip(), quantity)
        .orElseThrow(
            () -> new ApiError(503, "store_full", "the order store is full; delete some orders"));
  }

  @Override
  public void delete(String id) {
    if (!store.remove(id)) {
      throw ApiError.notFound("no order with this id");
    }
  }

  @Override
  public List<Order> all() {
    return store.all();
  }
}
