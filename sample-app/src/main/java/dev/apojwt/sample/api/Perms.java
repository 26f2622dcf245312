package dev.apojwt.sample.api;

import dev.apojwt.annotation.Implies;
import dev.apojwt.annotation.PermissionCatalog;

/**
 * Every permission of the orders service. The apojwt processor checks each
 * {@code @PermissionRequired} against this catalog at compile time and resolves the
 * {@code @Implies} hierarchy into the generated {@code PermsHierarchy}:
 *
 * <pre>
 * orders:admin -> orders:write -> orders:read
 * support      -> orders:read
 * admin        (the ApoJwt admin permission: passes every check)
 * </pre>
 */
@PermissionCatalog
public interface Perms {
  // Constants are declared before the @Implies that name them (Java forbids forward references).

  /** Read any order by id. */
  String ORDERS_READ = "orders:read";

  /** Place orders, and everything {@link #ORDERS_READ} allows. */
  @Implies(ORDERS_READ)
  String ORDERS_WRITE = "orders:write";

  /** Delete orders, and everything {@link #ORDERS_WRITE} allows. */
  @Implies(ORDERS_WRITE)
  String ORDERS_ADMIN = "orders:admin";

  /** Customer support: list every order, read any order. */
  @Implies(ORDERS_READ)
  String SUPPORT = "support";

  /** Operators. Configured as ApoJwt's admin permission, so it passes every check. */
  String ADMIN = "admin";
}
