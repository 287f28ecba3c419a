package dev.sluice.dialect.postgres;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.WriteContract;

class PostgresWriteIT extends WriteContract {
  @Override protected DatabaseTarget target() { return PostgresTarget.INSTANCE; }
}
