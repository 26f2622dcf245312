package dev.apojwt.idp;

import dev.apojwt.annotation.Implies;
import dev.apojwt.annotation.PermissionCatalog;

/** The identity provider's scopes, as the resource server's permission catalog. */
@PermissionCatalog
public interface Scopes {
  String ORDERS_READ = "orders:read";

  @Implies(ORDERS_READ)
  String ORDERS_WRITE = "orders:write";
}
