package dev.apojwt.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.apojwt.PermissionHierarchy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The processor's transitive closure of {@code @Implies} ({@link Closure}, {@link
 * Catalogs#combine}) against the runtime's {@code PermissionHierarchy}, which closes it again when
 * a guard is loaded: over many random hierarchies, with chains, diamonds and cycles, both give the
 * same permissions in the same order, for one catalog and for several combined.
 */
class ClosureTest {
  private static final int HIERARCHIES = 2_000;

  @Test
  void oneCatalogClosesAsTheRuntimeClosesIt() {
    Random random = new Random(20261201);
    for (int n = 0; n < HIERARCHIES; n++) {
      Map<String, List<String>> direct = randomHierarchy(random, "p", 1 + random.nextInt(8));
      Map<String, List<String>> closed = Closure.transitive(direct);
      assertSame(direct, closed, PermissionHierarchy.of(direct));
      // What a generated <Catalog>Hierarchy class builds from the processor's closure.
      PermissionHierarchy.Builder generated = PermissionHierarchy.builder();
      closed.forEach((p, implied) -> generated.permission(p, implied.toArray(new String[0])));
      assertSame(direct, closed, generated.build());
    }
  }

  @Test
  void combinedCatalogsCloseAsTheRuntimeCombinesThem() {
    Random random = new Random(7);
    for (int n = 0; n < HIERARCHIES; n++) {
      // Two catalogs whose permissions may imply each other's (names are shared on purpose).
      Map<String, List<String>> first = randomHierarchy(random, "p", 1 + random.nextInt(6));
      Map<String, List<String>> second = randomHierarchy(random, "p", 1 + random.nextInt(6));
      Map<String, List<String>> combined =
          Catalogs.combine(List.of(Closure.transitive(first), Closure.transitive(second)));
      PermissionHierarchy runtime =
          PermissionHierarchy.combine(
              PermissionHierarchy.of(first), PermissionHierarchy.of(second));
      Map<String, List<String>> union = new LinkedHashMap<>(first);
      union.putAll(second);
      assertSame(union, combined, runtime);
    }
  }

  private static void assertSame(
      Map<String, List<String>> direct,
      Map<String, List<String>> closed,
      PermissionHierarchy runtime) {
    assertWithMessage("keys of %s", direct).that(closed.keySet()).isEqualTo(direct.keySet());
    for (Map.Entry<String, List<String>> entry : closed.entrySet()) {
      assertWithMessage("%s in %s", entry.getKey(), direct)
          .that(entry.getValue())
          .containsExactlyElementsIn(runtime.implied(entry.getKey()))
          .inOrder();
    }
  }

  /** {@code size} permissions {@code prefix0..}, each implying up to three others (or itself). */
  private static Map<String, List<String>> randomHierarchy(Random random, String prefix, int size) {
    Map<String, List<String>> direct = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      List<String> implied = new ArrayList<>();
      for (int k = random.nextInt(4); k > 0; k--) {
        String target = prefix + random.nextInt(size);
        if (!implied.contains(target)) {
          implied.add(target);
        }
      }
      direct.put(prefix + i, implied);
    }
    return direct;
  }
}
