package dev.apojwt;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The permissions of one verified token: immutable, in token order, without duplicates. An array
 * with a linear scan for the usual handful (cheaper than hashing), a hash index beyond. All fields
 * are final, so instances are safely shared between threads.
 */
final class PermissionSet extends AbstractSet<String> {
  /** Below this many permissions a linear scan beats hashing. */
  private static final int LINEAR_SCAN_LIMIT = 12;

  private final String[] permissions;
  private final Set<String> index;

  PermissionSet(List<String> fromToken) {
    String[] unique = new String[fromToken.size()];
    int size = 0;
    Set<String> seen = fromToken.size() > LINEAR_SCAN_LIMIT ? new HashSet<>() : null;
    for (String permission : fromToken) {
      if (seen != null ? seen.add(permission) : !contains(unique, size, permission)) {
        unique[size++] = permission;
      }
    }
    this.permissions = size == unique.length ? unique : Arrays.copyOf(unique, size);
    this.index = seen;
  }

  private static boolean contains(String[] array, int size, String value) {
    for (int i = 0; i < size; i++) {
      if (array[i].equals(value)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean contains(Object o) {
    if (!(o instanceof String)) {
      return false;
    }
    return index != null
        ? index.contains(o)
        : contains(permissions, permissions.length, (String) o);
  }

  /** Whether any of {@code candidates} is held: the per-call permission check. */
  boolean containsAny(String[] candidates) {
    for (String candidate : candidates) {
      if (index != null
          ? index.contains(candidate)
          : contains(permissions, permissions.length, candidate)) {
        return true;
      }
    }
    return false;
  }

  /** Whether any held permission is in {@code accepted}. */
  boolean anyIn(Set<String> accepted) {
    for (String permission : permissions) {
      if (accepted.contains(permission)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public int size() {
    return permissions.length;
  }

  @Override
  public Iterator<String> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < permissions.length;
      }

      @Override
      public String next() {
        if (next >= permissions.length) {
          throw new NoSuchElementException();
        }
        return permissions[next++];
      }
    };
  }
}
