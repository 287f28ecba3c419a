package dev.sluice.dialect.mysql;

import dev.sluice.contract.TransactionApiContract;
import dev.sluice.contract.DatabaseTarget;

class MySqlOnMariaDbTransactionApiIT extends TransactionApiContract {
  @Override protected DatabaseTarget target() { return MySqlOnMariaDbTarget.INSTANCE; }
}
