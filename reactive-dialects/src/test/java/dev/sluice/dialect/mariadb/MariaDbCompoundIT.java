package dev.sluice.dialect.mariadb;

import dev.sluice.contract.CompoundContract;
import dev.sluice.contract.DatabaseTarget;

class MariaDbCompoundIT extends CompoundContract {
  @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
}
