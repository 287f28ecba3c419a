package dev.sluice.dialect.mysql;

import dev.sluice.contract.CompoundContract;
import dev.sluice.contract.DatabaseTarget;

class MySqlOnMariaDbCompoundIT extends CompoundContract {
  @Override protected DatabaseTarget target() { return MySqlOnMariaDbTarget.INSTANCE; }
}
