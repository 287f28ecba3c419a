package dev.sluice.dialect.sqlite;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.ErrorTaxonomyContract;
import dev.sluice.dialect.Excused;

@Excused(test = "aLockedRowIsLockNotAvailableForNoWait",
    reason = "SQLite has no row locks: FOR UPDATE NOWAIT is refused at render time (UnsupportedByDialectException)")
class SqliteErrorTaxonomyIT extends ErrorTaxonomyContract {
  @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
}
