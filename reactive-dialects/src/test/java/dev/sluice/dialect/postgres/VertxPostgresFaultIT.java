package dev.sluice.dialect.postgres;

import dev.sluice.contract.DatabaseTarget;
import io.r2dbc.spi.ConnectionFactory;

/**
 * The PostgreSQL fault suite ({@link PostgresFaultIT}: 10k cancels, an exhausted pool, timeouts
 * that cancel the running statement, a backend killed mid-stream, ...) through r2dbc-vertx, on the
 * same database and under the same {@code application_name}, so its session checks see this
 * driver's connections.
 */
class VertxPostgresFaultIT extends PostgresFaultIT {
  private static final DatabaseTarget TARGET = new DatabaseTarget() {
    @Override public String name() { return "postgresql"; }

    @Override public ConnectionFactory connectionFactory() {
      return dev.sluice.spi.Dialects.connect("r2dbc:vertx-postgresql://postgres@127.0.0.1:5432/"
          + PostgresTarget.DATABASE + "?applicationName=" + APP);
    }

    @Override public void requireReachable() { PostgresTarget.INSTANCE.requireReachable(); }
  };

  @Override protected DatabaseTarget target() { return TARGET; }
}
