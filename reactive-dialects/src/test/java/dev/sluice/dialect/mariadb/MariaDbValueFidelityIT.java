package dev.sluice.dialect.mariadb;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.ValueFidelityContract;

class MariaDbValueFidelityIT extends ValueFidelityContract {
  @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
}
