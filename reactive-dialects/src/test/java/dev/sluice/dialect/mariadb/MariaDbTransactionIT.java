package dev.sluice.dialect.mariadb;

import dev.sluice.contract.TransactionContract;
import dev.sluice.contract.DatabaseTarget;

class MariaDbTransactionIT extends TransactionContract {
  @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
}
