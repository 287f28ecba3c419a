package dev.sluice.dialect.postgres;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.SpringTransactionContract;

class PostgresSpringTransactionIT extends SpringTransactionContract {
  @Override protected DatabaseTarget target() { return PostgresTarget.INSTANCE; }
}
