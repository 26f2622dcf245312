package com.example;

import dev.apojwt.PermissionHierarchy;
import javax.annotation.processing.Generated;

/**
 * The permission hierarchy of {@link Perms}, resolved at compile time by apojwt.
 */
@Generated("dev.apojwt.processor.ApoJwtProcessor")
public final class PermsHierarchy {
  /**
   * The permissions of {@link Perms}, each with everything it implies (resolved transitively).
   */
  public static final PermissionHierarchy HIERARCHY = PermissionHierarchy.builder()
      .permission("orders:read")
      .permission("orders:write", "orders:read")
      .permission("orders:admin", "orders:write", "orders:read")
      .build();

  private PermsHierarchy() {
  }
}
