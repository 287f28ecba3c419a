package dev.sluice.dialect.mariadb;

import dev.sluice.contract.RelationsContract;
import dev.sluice.contract.DatabaseTarget;

class MariaDbRelationsIT extends RelationsContract {
  @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
}
