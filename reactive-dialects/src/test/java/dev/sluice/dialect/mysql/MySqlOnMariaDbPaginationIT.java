package dev.sluice.dialect.mysql;

import dev.sluice.contract.PaginationContract;
import dev.sluice.contract.DatabaseTarget;

class MySqlOnMariaDbPaginationIT extends PaginationContract {
  @Override protected DatabaseTarget target() { return MySqlOnMariaDbTarget.INSTANCE; }
}
