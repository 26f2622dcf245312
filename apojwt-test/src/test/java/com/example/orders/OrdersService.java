package com.example.orders;

import java.util.List;

/** README's testing example's implementation: it checks nothing, the guard does. */
final class OrdersService implements Orders {
  @Override
  public String health() {
    return "ok";
  }

  @Override
  public List<String> mine(String user) {
    return List.of(user + "'s order");
  }

  @Override
  public String get(String id) {
    return "order " + id;
  }

  @Override
  public List<String> all() {
    return List.of("order 1", "order 2");
  }
}
