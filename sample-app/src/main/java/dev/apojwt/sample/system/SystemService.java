package dev.apojwt.sample.system;

import dev.apojwt.AccessTable;
import dev.apojwt.sample.api.AccessTableView;
import dev.apojwt.sample.api.SystemApi;
import java.util.List;
import java.util.stream.Collectors;

/** Health and the access tables of every handler interface. */
public final class SystemService implements SystemApi {
  private final AccessTables tables;

  /**
   * {@code tables}: the generated guards' {@code accessTable()}, one per handler interface; {@code
   * adminPermission}: the one configured on ApoJwt (null for none).
   */
  public SystemService(List<AccessTable> tables, String adminPermission) {
    this.tables =
        new AccessTables(
            adminPermission,
            tables.stream().map(AccessTableView::of).collect(Collectors.toUnmodifiableList()));
  }

  @Override
  public Health health() {
    return new Health("ok");
  }

  @Override
  public AccessTables accessTables() {
    return tables;
  }
}
