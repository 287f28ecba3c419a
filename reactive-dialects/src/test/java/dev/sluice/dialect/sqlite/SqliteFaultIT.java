package dev.sluice.dialect.sqlite;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.FaultContract;

class SqliteFaultIT extends FaultContract {
  @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
}
