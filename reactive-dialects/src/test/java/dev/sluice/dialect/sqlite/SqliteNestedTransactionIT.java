package dev.sluice.dialect.sqlite;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.NestedTransactionContract;

class SqliteNestedTransactionIT extends NestedTransactionContract {
  @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
}
