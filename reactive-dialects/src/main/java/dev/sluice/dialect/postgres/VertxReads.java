package dev.sluice.dialect.postgres;

import dev.sluice.r2dbc.vertx.VertxPostgresConfiguration;
import io.r2dbc.spi.Statement;

/**
 * How Sluice asks r2dbc-vertx to read (loaded only for that driver's statements). Its fetch size
 * chooses the protocol: none runs a statement without binds with the simple protocol, whose
 * result is read whole; {@code Integer.MAX_VALUE} reads every row in one execution, without
 * cursor or transaction; any other size reads by cursor, at most that many rows per fetch.
 */
final class VertxReads {
  private VertxReads() {}

  /** The statement's class is r2dbc-vertx's (named, so nothing of that driver is loaded to ask). */
  static boolean owns(Statement statement) {
    return statement.getClass().getName().startsWith("dev.sluice.r2dbc.vertx.");
  }

  /** A SELECT without binds of unknown size: by cursor, as a statement with binds is read. */
  static void unbound(Statement statement) {
    statement.fetchSize(VertxPostgresConfiguration.DEFAULT_FETCH_SIZE);
  }

  /** A small result: every row in one execution, no cursor, no transaction of the driver's own. */
  static void bounded(Statement statement) {
    statement.fetchSize(Integer.MAX_VALUE);
  }
}
