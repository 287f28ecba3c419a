package dev.sluice.dialect.mariadb;

import dev.sluice.contract.ErrorContract;
import dev.sluice.contract.DatabaseTarget;

class MariaDbErrorIT extends ErrorContract {
  @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
}
