package com.example.billing;

import dev.apojwt.PermissionHierarchy;
import javax.annotation.processing.Generated;

/**
 * The permission hierarchy of {@link Billing.Perms}, resolved at compile time by apojwt.
 */
@Generated("dev.apojwt.processor.ApoJwtProcessor")
public final class Billing_PermsHierarchy {
  /**
   * The permissions of {@link Billing.Perms}, each with everything it implies (resolved transitively).
   */
  public static final PermissionHierarchy HIERARCHY = PermissionHierarchy.builder()
      .permission("billing:read")
      .permission("billing:export", "billing:read")
      .build();

  private Billing_PermsHierarchy() {
  }
}
