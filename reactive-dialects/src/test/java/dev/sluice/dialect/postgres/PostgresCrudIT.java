package dev.sluice.dialect.postgres;

import dev.sluice.contract.CrudContract;
import dev.sluice.contract.DatabaseTarget;

class PostgresCrudIT extends CrudContract {
  @Override protected DatabaseTarget target() { return PostgresTarget.INSTANCE; }
}
