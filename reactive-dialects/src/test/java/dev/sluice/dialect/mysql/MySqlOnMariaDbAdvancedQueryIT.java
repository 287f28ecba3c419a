package dev.sluice.dialect.mysql;

import dev.sluice.contract.AdvancedQueryContract;
import dev.sluice.contract.DatabaseTarget;

class MySqlOnMariaDbAdvancedQueryIT extends AdvancedQueryContract {
  @Override protected DatabaseTarget target() { return MySqlOnMariaDbTarget.INSTANCE; }
}
