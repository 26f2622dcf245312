package dev.apojwt.sample.api;

import dev.apojwt.annotation.PermissionRequired;
import java.util.List;
import java.util.Set;

/** Operator endpoints: only the admin permission. */
@PermissionRequired(Perms.ADMIN)
public interface AdminApi {
  /** {@code GET /admin/users}: the configured accounts and their permissions (no hashes). */
  List<UserView> users();

  /** An account as the admin endpoint shows it. */
  record UserView(String username, Set<String> permissions) {}
}
