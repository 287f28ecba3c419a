package dev.sluice.dialect.sqlite;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.QueryLanguageContract;

class SqliteQueryLanguageIT extends QueryLanguageContract {
  @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
}
