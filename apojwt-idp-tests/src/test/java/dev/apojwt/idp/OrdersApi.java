package dev.apojwt.idp;

import dev.apojwt.annotation.BearerToken;
import dev.apojwt.annotation.PermissionRequired;
import dev.apojwt.annotation.TokenRequired;
import dev.apojwt.annotation.TokenSubject;

/** The resource server's handler interface: what the identity provider's scopes open. */
public interface OrdersApi {
  @PermissionRequired(Scopes.ORDERS_READ)
  String list(@BearerToken String authorization, @TokenSubject String client);

  @PermissionRequired(Scopes.ORDERS_WRITE)
  String create(@BearerToken String authorization, String order);

  @TokenRequired
  String whoAmI(@BearerToken String authorization, @TokenSubject String client);
}
