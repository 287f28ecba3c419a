package dev.sluice.dialect.postgres;

import dev.sluice.contract.CompoundContract;
import dev.sluice.contract.DatabaseTarget;

class PostgresCompoundIT extends CompoundContract {
  @Override protected DatabaseTarget target() { return PostgresTarget.INSTANCE; }
}
