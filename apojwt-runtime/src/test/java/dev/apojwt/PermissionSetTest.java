package dev.apojwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PermissionSetTest {

  @Test
  void keepsTokenOrderAndDropsDuplicates() {
    PermissionSet set = new PermissionSet(List.of("b", "a", "b", "c", "a"));
    assertEquals(List.of("b", "a", "c"), new ArrayList<>(set));
    assertEquals(3, set.size());
    assertEquals(Set.of("a", "b", "c"), set);
    assertEquals(Set.of("a", "b", "c").hashCode(), set.hashCode());
  }

  @Test
  void membershipBelowAndAboveTheLinearScanLimit() {
    for (int n : new int[] {0, 1, 12, 13, 100}) {
      List<String> permissions = IntStream.range(0, n).mapToObj(i -> "p" + i).toList();
      List<String> doubled = new ArrayList<>(permissions);
      doubled.addAll(permissions);
      PermissionSet set = new PermissionSet(doubled);
      assertEquals(new LinkedHashSet<>(permissions), set);
      assertEquals(new ArrayList<>(permissions), new ArrayList<>(set));
      for (String p : permissions) {
        assertTrue(set.contains(p));
        assertTrue(set.containsAny(new String[] {"nope", p}));
      }
      assertFalse(set.contains("nope"));
      assertFalse(set.contains(1));
      assertFalse(set.containsAny(new String[] {"x", "y"}));
      assertEquals(n > 0, set.anyIn(Set.of("p0")));
    }
  }

  @Test
  void isImmutable() {
    PermissionSet set = new PermissionSet(List.of("a"));
    assertThrows(UnsupportedOperationException.class, () -> set.add("b"));
    assertThrows(UnsupportedOperationException.class, () -> set.remove("a"));
    assertThrows(UnsupportedOperationException.class, set::clear);
    assertThrows(UnsupportedOperationException.class, () -> set.iterator().remove());
  }
}
