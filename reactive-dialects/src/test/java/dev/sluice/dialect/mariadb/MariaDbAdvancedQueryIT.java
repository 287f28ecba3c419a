package dev.sluice.dialect.mariadb;

import dev.sluice.contract.AdvancedQueryContract;
import dev.sluice.contract.DatabaseTarget;

class MariaDbAdvancedQueryIT extends AdvancedQueryContract {
  @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
}
