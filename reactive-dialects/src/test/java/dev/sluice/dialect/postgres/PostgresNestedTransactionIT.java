package dev.sluice.dialect.postgres;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.NestedTransactionContract;

class PostgresNestedTransactionIT extends NestedTransactionContract {
  @Override protected DatabaseTarget target() { return PostgresTarget.INSTANCE; }
}
