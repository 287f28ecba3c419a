package dev.sluice.dialect.mysql;

import dev.sluice.contract.StreamingContract;
import dev.sluice.contract.DatabaseTarget;

class MySqlOnMariaDbStreamingIT extends StreamingContract {
  @Override protected DatabaseTarget target() { return MySqlOnMariaDbTarget.INSTANCE; }
}
