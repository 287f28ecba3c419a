package dev.sluice.dialect.sqlite;

import dev.sluice.contract.ErrorContract;
import dev.sluice.contract.DatabaseTarget;

class SqliteErrorIT extends ErrorContract {
  @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
}
