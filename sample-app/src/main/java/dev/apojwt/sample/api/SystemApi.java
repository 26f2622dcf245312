package dev.apojwt.sample.api;

import dev.apojwt.annotation.Public;
import java.util.List;

/** What anyone may ask the service: whether it is up, and what every endpoint requires. */
public interface SystemApi {
  /** {@code GET /health}. */
  @Public
  Health health();

  /**
   * {@code GET /access}: the access table of every handler interface, from the generated guards'
   * {@code accessTable()}, so what is served is exactly what is enforced.
   */
  @Public
  AccessTables accessTables();

  /** The health check's answer. */
  record Health(String status) {}

  /**
   * Every handler interface's access table, and the admin permission that passes every permission
   * check besides the sets listed per method.
   */
  record AccessTables(String adminPermission, List<AccessTableView> handlers) {}
}
