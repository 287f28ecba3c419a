package dev.sluice.dialect.sqlite;

import dev.sluice.contract.TransactionContract;
import dev.sluice.contract.DatabaseTarget;

class SqliteTransactionIT extends TransactionContract {
  @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
}
