package dev.sluice.dialect.mariadb;

import dev.sluice.contract.PaginationContract;
import dev.sluice.contract.DatabaseTarget;

class MariaDbPaginationIT extends PaginationContract {
  @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
}
