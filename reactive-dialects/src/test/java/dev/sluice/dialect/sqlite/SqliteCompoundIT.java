package dev.sluice.dialect.sqlite;

import dev.sluice.contract.CompoundContract;
import dev.sluice.contract.DatabaseTarget;

class SqliteCompoundIT extends CompoundContract {
  @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
}
