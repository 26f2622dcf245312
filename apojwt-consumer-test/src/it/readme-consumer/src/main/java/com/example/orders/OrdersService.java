package com.example.orders;

import dev.apojwt.TokenPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The implementation that README wraps in its guard: it checks nothing and records each call. */
final class OrdersService implements Orders {
  static final List<String> CALLS = new ArrayList<>();

  @Override
  public String health() {
    CALLS.add("health()");
    return "ok";
  }

  @Override
  public List<Order> mine(Context ctx, String user) {
    CALLS.add("mine(" + user + ")");
    return List.of(new Order("ord-1", user));
  }

  @Override
  public Order get(Context ctx, String id) {
    CALLS.add("get(" + id + ")");
    return new Order(id, "alice");
  }

  @Override
  public CompletionStage<Order> create(Context ctx, OrderRequest request) {
    CALLS.add("create(" + request.item() + ")");
    return CompletableFuture.completedFuture(new Order("ord-2", "bob"));
  }

  @Override
  public TokenPair renew(Context ctx, Map<String, Object> data) {
    CALLS.add("renew(" + data + ")");
    return null; // a real service issues new tokens here; the check needs only the call
  }
}
