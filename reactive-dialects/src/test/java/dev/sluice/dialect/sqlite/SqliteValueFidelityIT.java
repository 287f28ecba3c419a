package dev.sluice.dialect.sqlite;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.ValueFidelityContract;

class SqliteValueFidelityIT extends ValueFidelityContract {
  @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
}
