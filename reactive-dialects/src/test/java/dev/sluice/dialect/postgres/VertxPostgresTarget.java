package dev.sluice.dialect.postgres;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.RunDatabases;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;

/**
 * The local PostgreSQL through r2dbc-vertx ({@code r2dbc:vertx-postgresql:} URLs), in a database of
 * this test run's own ({@code sluice_vx_<run id>}), created on first use and dropped when the JVM
 * exits. One connection factory (one Vert.x) serves every test.
 */
final class VertxPostgresTarget implements DatabaseTarget {
  static final VertxPostgresTarget INSTANCE = new VertxPostgresTarget();
  static final String DATABASE = RunDatabases.name("sluice_vx");
  static final String URL = "r2dbc:vertx-postgresql://postgres@127.0.0.1:5432/" + DATABASE;

  @Override public String name() { return "postgresql"; }

  @Override public ConnectionFactory connectionFactory() { return Created.FACTORY; }

  @Override public void requireReachable() {
    DatabaseTarget.requireTcp("PostgreSQL", "127.0.0.1", 5432);
    Created.FACTORY.hashCode();
  }

  /** Creates this run's database and the factory the first time a test class needs them. */
  private static final class Created {
    static final ConnectionFactory FACTORY = create();

    private static ConnectionFactory create() {
      RunDatabases.recreate(PostgresTarget.ADMIN_URL, DATABASE, " WITH (FORCE)");
      RunDatabases.dropOnExit(PostgresTarget.ADMIN_URL, DATABASE, " WITH (FORCE)");
      return ConnectionFactories.get(URL);
    }
  }
}
