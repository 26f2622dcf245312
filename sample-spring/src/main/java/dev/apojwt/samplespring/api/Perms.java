package dev.apojwt.samplespring.api;

import dev.apojwt.annotation.Implies;
import dev.apojwt.annotation.PermissionCatalog;

/** Every permission of the service; the processor checks each {@code @PermissionRequired}. */
@PermissionCatalog
public interface Perms {
  String NOTES_READ = "notes:read";

  @Implies(NOTES_READ)
  String NOTES_WRITE = "notes:write";

  @Implies(NOTES_WRITE)
  String NOTES_ADMIN = "notes:admin";

  @Implies(NOTES_READ)
  String SUPPORT = "support";

  /** apojwt.admin-permission: passes every check. */
  String ADMIN = "admin";
}
