package dev.sluice.dialect.sqlite;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.DdlLiteralContract;

class SqliteDdlLiteralIT extends DdlLiteralContract {
  @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
}
