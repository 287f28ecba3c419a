package dev.sluice.dialect.sqlite;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.PaginationContract;

class SqlitePaginationIT extends PaginationContract {
  @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
}
