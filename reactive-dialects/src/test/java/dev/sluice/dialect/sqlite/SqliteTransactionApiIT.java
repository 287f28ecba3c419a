package dev.sluice.dialect.sqlite;

import dev.sluice.contract.TransactionApiContract;
import dev.sluice.contract.DatabaseTarget;


class SqliteTransactionApiIT extends TransactionApiContract {
  @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }

}
