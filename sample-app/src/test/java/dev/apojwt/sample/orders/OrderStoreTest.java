package dev.apojwt.sample.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apojwt.sample.api.OrdersApi.Order;
import dev.apojwt.test.TestClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderStoreTest {
  private final OrderStore store =
      new OrderStore(TestClock.at(Instant.parse("2026-01-01T00:00:00Z")), 2);

  @Test
  void storesFindsAndRemovesOrders() {
    Order a = store.add("bob", "tea", 2).orElseThrow();
    Order b = store.add("alice", "cake", 1).orElseThrow();
    assertEquals(new Order("ord-1", "bob", "tea", 2, "2026-01-01T00:00:00Z"), a);
    assertEquals(a, store.get("ord-1").orElseThrow());
    assertEquals(List.of(a, b), store.all());
    assertEquals(List.of(b), store.ownedBy("alice"));
    assertTrue(store.remove("ord-1"));
    assertFalse(store.remove("ord-1"));
    assertTrue(store.get("ord-1").isEmpty());
  }

  @Test
  void refusesOrdersWhenFull() {
    store.add("bob", "a", 1).orElseThrow();
    store.add("bob", "b", 1).orElseThrow();
    assertTrue(store.add("bob", "c", 1).isEmpty());
    store.remove("ord-1");
    assertEquals("ord-3", store.add("bob", "c", 1).orElseThrow().id());
  }
}
