package dev.sluice.dialect.postgres;

import dev.sluice.contract.BoundedMemoryContract;
import dev.sluice.contract.DatabaseTarget;

/** 1M rows in {@code -Xmx64m}; see {@link BoundedMemoryContract}. */
class PostgresBoundedMemoryIT extends BoundedMemoryContract {
  @Override protected DatabaseTarget target() { return PostgresTarget.INSTANCE; }
}
