package dev.sluice.dialect.postgres;

import dev.sluice.contract.BoundedMemoryContract;
import dev.sluice.contract.DatabaseTarget;

/** 1M rows in {@code -Xmx64m} through r2dbc-vertx on Vert.x's own pool; see {@link BoundedMemoryContract}. */
class VertxOwnPoolBoundedMemoryIT extends BoundedMemoryContract {
  @Override protected DatabaseTarget target() { return VertxOwnPoolTarget.INSTANCE; }
}
