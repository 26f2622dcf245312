package dev.apojwt.benchmarks.http;

import dev.apojwt.annotation.PermissionRequired;
import dev.apojwt.annotation.TokenSubject;

/** The route under load: one permission check, a tiny answer. */
public interface Hello {
  @PermissionRequired("orders:read")
  String hello(@TokenSubject String user);
}
