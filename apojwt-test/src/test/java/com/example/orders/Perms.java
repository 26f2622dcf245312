package com.example.orders;

import dev.apojwt.annotation.Implies;
import dev.apojwt.annotation.PermissionCatalog;

/** The complete example's catalog (README, "A complete example"). */
@PermissionCatalog
public interface Perms {
  String ORDERS_READ = "orders:read";

  @Implies(ORDERS_READ)
  String ORDERS_WRITE = "orders:write";

  @Implies(ORDERS_WRITE)
  String ORDERS_ADMIN = "orders:admin";

  String SUPPORT = "support";
}
