package dev.sluice.dialect.mariadb;

import dev.sluice.contract.StreamingContract;
import dev.sluice.contract.DatabaseTarget;

class MariaDbStreamingIT extends StreamingContract {
  @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
}
