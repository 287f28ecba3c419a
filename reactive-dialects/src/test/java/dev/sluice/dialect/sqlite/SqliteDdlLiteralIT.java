package dev.sluice.dialect.sqlite;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.DdlLiteralContract;
import dev.sluice.dialect.Excused;

@Excused(test = "decimalDefaultsAreStoredExactly", reason = "issue 10 item 3: a DECIMAL column has "
    + "NUMERIC affinity, which turns any decimal (bound or default) into a double; the default is "
    + "written as a string so that it is kept once decimals are stored as text")
class SqliteDdlLiteralIT extends DdlLiteralContract {
  @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
}
