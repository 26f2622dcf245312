package dev.apojwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PermissionHierarchyTest {

  @Test
  void closesImplicationsTransitivelyAndInvertsThem() {
    PermissionHierarchy h =
        PermissionHierarchy.builder()
            .permission("a", "b")
            .permission("b", "c")
            .permission("c")
            .permission("x", "c")
            .build();
    assertEquals(Set.of("b", "c"), h.implied("a"));
    assertEquals(List.of("c", "a", "b", "x"), List.copyOf(h.acceptedFor("c")));
    assertEquals(Set.of("a"), h.acceptedFor("a"));
    assertEquals(Set.of("unknown"), h.acceptedFor("unknown"));
    assertEquals(List.of("a", "b", "c", "x"), List.copyOf(h.permissions()));
  }

  @Test
  void impliedButUndeclaredPermissionsAreKnown() {
    PermissionHierarchy h = PermissionHierarchy.of(Map.of("a", List.of("b")));
    assertEquals(Set.of("a", "b"), h.permissions());
    assertEquals(Set.of(), h.implied("b"));
  }

  @Test
  void cyclesTerminate() {
    PermissionHierarchy h =
        PermissionHierarchy.builder().permission("a", "b").permission("b", "a").build();
    assertEquals(Set.of("b"), h.implied("a"));
    assertEquals(Set.of("a", "b"), h.acceptedFor("a"));
  }

  @Test
  void combineMergesCatalogs() {
    PermissionHierarchy orders =
        PermissionHierarchy.builder().permission("orders:admin", "orders:read").build();
    PermissionHierarchy billing =
        PermissionHierarchy.builder().permission("billing:admin", "orders:admin").build();
    PermissionHierarchy both = PermissionHierarchy.combine(orders, billing);
    assertEquals(
        Set.of("orders:read", "orders:admin", "billing:admin"), both.acceptedFor("orders:read"));
    assertEquals(Set.of(), PermissionHierarchy.none().permissions());
  }

  @Test
  void blankNamesAreRejected() {
    assertThrows(
        IllegalArgumentException.class, () -> PermissionHierarchy.builder().permission(" "));
    assertThrows(
        IllegalArgumentException.class, () -> PermissionHierarchy.of(Map.of("a", List.of(""))));
  }
}
