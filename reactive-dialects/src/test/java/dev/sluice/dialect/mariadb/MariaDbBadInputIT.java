package dev.sluice.dialect.mariadb;

import dev.sluice.contract.BadInputContract;
import dev.sluice.contract.DatabaseTarget;

class MariaDbBadInputIT extends BadInputContract {
  @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
}
