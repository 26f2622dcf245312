package dev.apojwt.sample.orders;

import dev.apojwt.sample.api.OrdersApi.Order;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The orders, in memory, in the order they were placed. Bounded: a full store refuses new orders
 * instead of growing until the JVM runs out of memory. Thread-safe.
 */
public final class OrderStore {
  private final Clock clock;
  private final int capacity;
  private final Map<String, Order> orders = new LinkedHashMap<>();
  private long nextId = 1;

  public OrderStore(Clock clock, int capacity) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacity = capacity;
  }

  /** Places an order; empty when the store is full. */
  public synchronized Optional<Order> add(String owner, String item, int quantity) {
    if (orders.size() >= capacity) {
      return Optional.empty();
    }
    String id = "ord-" + nextId++;
    Order order =
        new Order(
            id, owner, item, quantity, clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
    orders.put(id, order);
    return Optional.of(order);
  }

  public synchronized Optional<Order> get(String id) {
    return Optional.ofNullable(orders.get(id));
  }

  /** Removes the order; false when there was none. */
  public synchronized boolean remove(String id) {
    return orders.remove(id) != null;
  }

  public synchronized List<Order> all() {
    return List.copyOf(orders.values());
  }

  public synchronized List<Order> ownedBy(String owner) {
    List<Order> owned = new ArrayList<>();
    for (Order order : orders.values()) {
      if (order.owner().equals(owner)) {
        owned.add(order);
      }
    }
    return List.copyOf(owned);
  }
}
