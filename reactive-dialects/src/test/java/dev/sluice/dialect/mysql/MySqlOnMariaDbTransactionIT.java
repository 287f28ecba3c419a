package dev.sluice.dialect.mysql;

import dev.sluice.contract.TransactionContract;
import dev.sluice.contract.DatabaseTarget;

class MySqlOnMariaDbTransactionIT extends TransactionContract {
  @Override protected DatabaseTarget target() { return MySqlOnMariaDbTarget.INSTANCE; }
}
