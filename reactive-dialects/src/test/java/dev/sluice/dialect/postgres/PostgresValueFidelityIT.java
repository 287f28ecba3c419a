package dev.sluice.dialect.postgres;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.ValueFidelityContract;

class PostgresValueFidelityIT extends ValueFidelityContract {
  @Override protected DatabaseTarget target() { return PostgresTarget.INSTANCE; }
}
