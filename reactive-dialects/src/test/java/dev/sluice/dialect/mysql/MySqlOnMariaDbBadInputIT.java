package dev.sluice.dialect.mysql;

import dev.sluice.contract.BadInputContract;
import dev.sluice.contract.DatabaseTarget;

class MySqlOnMariaDbBadInputIT extends BadInputContract {
  @Override protected DatabaseTarget target() { return MySqlOnMariaDbTarget.INSTANCE; }
}
