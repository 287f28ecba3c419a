package dev.sluice.dialect.sqlite;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.RelationsContract;

class SqliteRelationsIT extends RelationsContract {
  @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
}
