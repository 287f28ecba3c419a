package dev.sluice.dialect.postgres;

import dev.sluice.spi.StatementCanceller;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;

/** PostgreSQL's cancel request, sent on a connection of its own (loaded only with r2dbc-postgresql). */
final class PostgresCancel {
  private PostgresCancel() {}

  static StatementCanceller of(Connection connection) {
    PostgresqlConnection pg = StatementCanceller.driverConnection(connection, PostgresqlConnection.class);
    return pg == null ? StatementCanceller.NONE : pg::cancelRequest;
  }
}
