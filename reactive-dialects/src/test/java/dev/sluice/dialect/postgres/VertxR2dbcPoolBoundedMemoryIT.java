package dev.sluice.dialect.postgres;

import dev.sluice.contract.BoundedMemoryContract;
import dev.sluice.contract.DatabaseTarget;

/** 1M rows in {@code -Xmx64m} through r2dbc-vertx under r2dbc-pool; see {@link BoundedMemoryContract}. */
class VertxR2dbcPoolBoundedMemoryIT extends BoundedMemoryContract {
  @Override protected DatabaseTarget target() { return VertxPostgresTarget.INSTANCE; }
}
