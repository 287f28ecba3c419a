package dev.sluice.dialect.mariadb;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.NestedTransactionContract;

class MariaDbNestedTransactionIT extends NestedTransactionContract {
  @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
}
