package dev.apojwt;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which permissions imply which, as declared with {@code @Implies} on a {@code @PermissionCatalog}.
 * The processor resolves the hierarchy at compile time into a generated {@code <Catalog>Hierarchy}
 * class; guards read it once, when they are loaded, to compute the set of permissions each check
 * accepts. Immutable.
 */
public final class PermissionHierarchy {
  private static final PermissionHierarchy NONE = new PermissionHierarchy(Map.of());

  /** Each permission mapped to everything it implies, transitively, excluding itself. */
  private final Map<String, Set<String>> implied;

  private PermissionHierarchy(Map<String, Set<String>> implied) {
    this.implied = implied;
  }

  /** No catalog: a permission is held only when the token lists it. */
  public static PermissionHierarchy none() {
    return NONE;
  }

  /**
   * A hierarchy from each permission to the permissions it implies, directly or transitively (it is
   * closed here either way). Names must be non-blank.
   */
  public static PermissionHierarchy of(Map<String, ? extends Collection<String>> implies) {
    Map<String, Set<String>> direct = new LinkedHashMap<>();
    implies.forEach(
        (permission, granted) -> {
          Set<String> own =
              direct.computeIfAbsent(checkName(permission), p -> new LinkedHashSet<>());
          for (String g : granted) {
            own.add(checkName(g));
          }
        });
    // Implied permissions that are not declared themselves are still known (implying nothing).
    for (Set<String> granted : List.copyOf(direct.values())) {
      for (String g : granted) {
        direct.computeIfAbsent(g, p -> new LinkedHashSet<>());
      }
    }
    return new PermissionHierarchy(close(direct));
  }

  /**
   * Starts a hierarchy in declaration order; generated {@code <Catalog>Hierarchy} classes use it:
   *
   * <pre>{@code
   * PermissionHierarchy.builder()
   *     .permission("orders:admin", "orders:write", "orders:read")
   *     .permission("orders:write", "orders:read")
   *     .permission("orders:read")
   *     .build();
   * }</pre>
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PermissionHierarchy} in declaration order. */
  public static final class Builder {
    private final Map<String, Collection<String>> implies = new LinkedHashMap<>();

    private Builder() {}

    /** Declares {@code permission}, which implies {@code implied} (directly or transitively). */
    public Builder permission(String permission, String... implied) {
      implies
          .computeIfAbsent(checkName(permission), p -> new LinkedHashSet<>())
          .addAll(Arrays.asList(implied));
      return this;
    }

    public PermissionHierarchy build() {
      return of(implies);
    }
  }

  /** The union of several catalogs' hierarchies. */
  public static PermissionHierarchy combine(PermissionHierarchy... hierarchies) {
    Map<String, Set<String>> direct = new LinkedHashMap<>();
    for (PermissionHierarchy hierarchy : hierarchies) {
      hierarchy.implied.forEach(
          (p, granted) -> direct.computeIfAbsent(p, k -> new LinkedHashSet<>()).addAll(granted));
    }
    return new PermissionHierarchy(close(direct));
  }

  private static String checkName(String permission) {
    Objects.requireNonNull(permission, "permission");
    if (permission.isBlank()) {
      throw new IllegalArgumentException("a permission name must not be blank");
    }
    return permission;
  }

  private static Map<String, Set<String>> close(Map<String, Set<String>> direct) {
    Map<String, Set<String>> closed = new LinkedHashMap<>();
    for (String permission : direct.keySet()) {
      Set<String> reached = new LinkedHashSet<>();
      Deque<String> pending = new ArrayDeque<>(direct.get(permission));
      while (!pending.isEmpty()) {
        String next = pending.removeFirst();
        if (!next.equals(permission) && reached.add(next)) {
          pending.addAll(direct.getOrDefault(next, Set.of()));
        }
      }
      closed.put(permission, Collections.unmodifiableSet(reached));
    }
    return Collections.unmodifiableMap(closed);
  }

  /** Every permission this hierarchy knows, in declaration order. */
  public Set<String> permissions() {
    return implied.keySet();
  }

  /** What holding {@code permission} grants besides itself, transitively. */
  public Set<String> implied(String permission) {
    return implied.getOrDefault(permission, Set.of());
  }

  /**
   * The permissions that satisfy a requirement of {@code required}: itself, then every permission
   * that implies it.
   */
  public Set<String> acceptedFor(String required) {
    Set<String> accepted = new LinkedHashSet<>();
    accepted.add(required);
    implied.forEach(
        (permission, granted) -> {
          if (granted.contains(required)) {
            accepted.add(permission);
          }
        });
    return Collections.unmodifiableSet(accepted);
  }

  @Override
  public String toString() {
    return "PermissionHierarchy" + implied;
  }
}
