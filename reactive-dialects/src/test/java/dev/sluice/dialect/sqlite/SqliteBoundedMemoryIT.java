package dev.sluice.dialect.sqlite;

import dev.sluice.contract.BoundedMemoryContract;
import dev.sluice.contract.DatabaseTarget;

/** 1M rows in {@code -Xmx64m}; see {@link BoundedMemoryContract}. */
class SqliteBoundedMemoryIT extends BoundedMemoryContract {
  @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
}
