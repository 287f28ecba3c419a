package dev.sluice.dialect.postgres;

import dev.sluice.contract.ErrorContract;
import dev.sluice.contract.DatabaseTarget;

class PostgresErrorIT extends ErrorContract {
  @Override protected DatabaseTarget target() { return PostgresTarget.INSTANCE; }
}
