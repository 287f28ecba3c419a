package dev.sluice.dialect.postgres;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.PaginationContract;

class PostgresPaginationIT extends PaginationContract {
  @Override protected DatabaseTarget target() { return PostgresTarget.INSTANCE; }
}
