package dev.sluice.dialect.sqlite;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.FaultContract;

class SqliteFaultIT extends FaultContract {
  @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }

  /** SQLite has no sleep: a recursive count that runs several seconds on this machine. */
  @Override protected String slowSql(int seconds) {
    return "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < " + seconds * 2_000_000L
        + ") SELECT count(*) FROM c";
  }
}
