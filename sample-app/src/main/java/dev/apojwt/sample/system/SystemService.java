package dev.apojwt.sample.system;

import dev.apojwt.AccessTable;
import dev.apojwt.sample.api.AccessTableView;
import dev.apojwt.sample.api.SystemApi;
import java.util.List;
import java.util.stream.Collectors;

/** Health and the access tables of every handler interface. */
public final class SystemService implements SystemApi {
  private final List<AccessTableView> tables;

  /** {@code tables}: the generated guards' {@code accessTable()}, one per handler interface. */
  public SystemService(List<AccessTable> tables) {
    this.tables =
        tables.stream().map(AccessTableView::of).collect(Collectors.toUnmodifiableList());
  }

  @Override
  public Health health() {
    return new Health("ok");
  }

  @Override
  public List<AccessTableView> accessTables() {
    return tables;
  }
}
