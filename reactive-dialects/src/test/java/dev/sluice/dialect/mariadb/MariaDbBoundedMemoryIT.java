package dev.sluice.dialect.mariadb;

import dev.sluice.contract.BoundedMemoryContract;
import dev.sluice.contract.DatabaseTarget;

/**
 * 1M rows in {@code -Xmx64m}; see {@link BoundedMemoryContract}. r2dbc-mariadb ignores {@code
 * fetchSize}: only TCP backpressure (the driver stops reading the socket while demand is zero) keeps
 * the heap bounded.
 */
class MariaDbBoundedMemoryIT extends BoundedMemoryContract {
  @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
}
