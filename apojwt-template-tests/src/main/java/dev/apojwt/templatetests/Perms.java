package dev.apojwt.templatetests;

import dev.apojwt.annotation.PermissionCatalog;

/** The suite's one permission. */
@PermissionCatalog
public interface Perms {
  String ORDERS_READ = "orders:read";
}
