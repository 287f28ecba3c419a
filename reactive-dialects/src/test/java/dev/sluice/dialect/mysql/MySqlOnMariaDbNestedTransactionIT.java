package dev.sluice.dialect.mysql;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.NestedTransactionContract;

class MySqlOnMariaDbNestedTransactionIT extends NestedTransactionContract {
  @Override protected DatabaseTarget target() { return MySqlOnMariaDbTarget.INSTANCE; }
}
