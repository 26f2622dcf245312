package com.example.orders;

import dev.apojwt.annotation.PermissionRequired;
import dev.apojwt.annotation.Public;
import dev.apojwt.annotation.TokenRequired;
import dev.apojwt.annotation.TokenSubject;
import java.util.List;

public interface Orders {
  @Public
  String health();

  @TokenRequired
  List<String> mine(@TokenSubject String user);

  @PermissionRequired(Perms.ORDERS_READ)
  String get(String id);

  @PermissionRequired(anyOf = {Perms.ORDERS_ADMIN, Perms.SUPPORT})
  List<String> all();
}
