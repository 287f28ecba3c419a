package dev.sluice.dialect.postgres;

import dev.sluice.contract.TransactionApiContract;
import dev.sluice.contract.DatabaseTarget;

class PostgresTransactionApiIT extends TransactionApiContract {
  @Override protected DatabaseTarget target() { return PostgresTarget.INSTANCE; }

}
