package dev.sluice.dialect.mariadb;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.SpringTransactionContract;

class MariaDbSpringTransactionIT extends SpringTransactionContract {
  @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
}
