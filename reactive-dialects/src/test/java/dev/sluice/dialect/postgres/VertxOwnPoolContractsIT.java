package dev.sluice.dialect.postgres;

import dev.sluice.contract.DatabaseTarget;

/**
 * Every contract of {@link VertxPostgresContractsIT} (its {@code @Nested} classes, inherited) on
 * r2dbc-vertx with Vert.x's own pool ({@code ?poolSize=4}) and Sluice built {@code pooled(false)},
 * as {@link VertxOwnPoolTarget} builds it: no r2dbc-pool around the driver. A contract that cannot
 * apply without Sluice's pool says so where it is skipped.
 */
class VertxOwnPoolContractsIT extends VertxPostgresContractsIT {
  @Override DatabaseTarget vertx() { return VertxOwnPoolTarget.INSTANCE; }

  @Override String databaseName() { return VertxOwnPoolTarget.DATABASE; }

  @Override boolean ownPool() { return true; }
}
