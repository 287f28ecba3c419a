package dev.sluice.dialect.sqlite;

import dev.sluice.contract.StreamingContract;
import dev.sluice.contract.DatabaseTarget;

class SqliteStreamingIT extends StreamingContract {
  @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
}
