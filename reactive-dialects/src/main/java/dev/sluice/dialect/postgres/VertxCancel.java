package dev.sluice.dialect.postgres;

import dev.sluice.r2dbc.vertx.VertxPostgresConnection;
import dev.sluice.spi.StatementCanceller;
import io.r2dbc.spi.Connection;

/** PostgreSQL's cancel request through r2dbc-vertx (loaded only with that driver). */
final class VertxCancel {
  private VertxCancel() {}

  static StatementCanceller of(Connection connection) {
    VertxPostgresConnection pg = StatementCanceller.driverConnection(connection, VertxPostgresConnection.class);
    return pg == null ? StatementCanceller.NONE : pg::cancelRequest;
  }
}
