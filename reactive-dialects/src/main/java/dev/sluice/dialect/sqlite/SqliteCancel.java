package dev.sluice.dialect.sqlite;

import dev.sluice.r2dbc.sqlite.Interruptible;
import dev.sluice.spi.StatementCanceller;
import io.r2dbc.spi.Connection;

/** The SQLite bridge's interrupt (loaded only with the bridge on the class path). */
final class SqliteCancel {
  private SqliteCancel() {}

  static StatementCanceller of(Connection connection) {
    Interruptible i = StatementCanceller.driverConnection(connection, Interruptible.class);
    return i == null ? StatementCanceller.NONE : i::interrupt;
  }
}
