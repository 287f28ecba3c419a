package dev.sluice.dialect.sqlite;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.SpringTransactionContract;

class SqliteSpringTransactionIT extends SpringTransactionContract {
  @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
}
