package dev.sluice.dialect.sqlite;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.AdvancedQueryContract;

class SqliteAdvancedQueryIT extends AdvancedQueryContract {
  @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
}
