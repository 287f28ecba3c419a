package dev.sluice.dialect.sqlite;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.WriteContract;

class SqliteWriteIT extends WriteContract {
  @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
}
