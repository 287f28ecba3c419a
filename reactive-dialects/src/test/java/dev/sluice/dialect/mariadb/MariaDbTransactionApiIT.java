package dev.sluice.dialect.mariadb;

import dev.sluice.contract.TransactionApiContract;
import dev.sluice.contract.DatabaseTarget;

class MariaDbTransactionApiIT extends TransactionApiContract {
  @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
}
