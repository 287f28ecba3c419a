package dev.sluice.dialect.mysql;

import dev.sluice.contract.ErrorContract;
import dev.sluice.contract.DatabaseTarget;

class MySqlOnMariaDbErrorIT extends ErrorContract {
  @Override protected DatabaseTarget target() { return MySqlOnMariaDbTarget.INSTANCE; }
}
