package dev.sluice.dialect.postgres;

import dev.sluice.contract.TransactionContract;
import dev.sluice.contract.DatabaseTarget;

class PostgresTransactionIT extends TransactionContract {
  @Override protected DatabaseTarget target() { return PostgresTarget.INSTANCE; }
}
