package dev.sluice.dialect.mysql;

import dev.sluice.contract.RelationsContract;
import dev.sluice.contract.DatabaseTarget;

class MySqlOnMariaDbRelationsIT extends RelationsContract {
  @Override protected DatabaseTarget target() { return MySqlOnMariaDbTarget.INSTANCE; }
}
