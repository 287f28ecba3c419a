package dev.sluice.dialect.mysql;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.SpringTransactionContract;

class MySqlOnMariaDbSpringTransactionIT extends SpringTransactionContract {
  @Override protected DatabaseTarget target() { return MySqlOnMariaDbTarget.INSTANCE; }
}
