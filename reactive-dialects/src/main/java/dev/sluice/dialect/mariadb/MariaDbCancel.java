package dev.sluice.dialect.mariadb;

import dev.sluice.dialect.mysql.KillQuery;
import dev.sluice.spi.StatementCanceller;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.mariadb.r2dbc.api.MariadbConnection;

/** {@code KILL QUERY} of r2dbc-mariadb's connection, whose thread id the driver knows (loaded only with it). */
final class MariaDbCancel {
  private MariaDbCancel() {}

  /** Null when {@code connection} is not r2dbc-mariadb's. */
  static StatementCanceller of(Connection connection, ConnectionFactory unpooled) {
    MariadbConnection m = StatementCanceller.driverConnection(connection, MariadbConnection.class);
    return m == null ? null : KillQuery.of(m.getThreadId(), unpooled);
  }
}
