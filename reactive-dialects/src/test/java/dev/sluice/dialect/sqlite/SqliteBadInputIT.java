package dev.sluice.dialect.sqlite;

import dev.sluice.contract.BadInputContract;
import dev.sluice.contract.DatabaseTarget;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

class SqliteBadInputIT extends BadInputContract {
  @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }

  @Test @Disabled("SQLite is dynamically typed: a string stored into an INTEGER column is kept as text, not refused")
  @Override public void aValueOfTheWrongTypeThroughRawSqlIsATypedError() { }
}
