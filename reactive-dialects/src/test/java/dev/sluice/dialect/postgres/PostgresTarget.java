package dev.sluice.dialect.postgres;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.RunDatabases;
import dev.sluice.spi.Dialects;
import io.r2dbc.spi.ConnectionFactory;

/**
 * The local PostgreSQL (127.0.0.1:5432, trust auth), in a database of this test run's own
 * ({@code sluice_pg_<run id>}), created on first use and dropped when the JVM exits. Its factory
 * is the one {@code Database.connect(url)} builds ({@link Dialects#connect}): binary results, read
 * by Sluice's exact decoders, so every contract runs on what users get.
 */
final class PostgresTarget implements DatabaseTarget {
  static final PostgresTarget INSTANCE = new PostgresTarget();
  static final String ADMIN_URL = System.getProperty("sluice.postgres.admin-url",
      "r2dbc:postgresql://postgres@127.0.0.1:5432/postgres");
  static final String DATABASE = RunDatabases.name("sluice_pg");
  static final String URL = System.getProperty("sluice.postgres.url",
      "r2dbc:postgresql://postgres@127.0.0.1:5432/" + DATABASE);

  @Override public String name() { return "postgresql"; }

  @Override public ConnectionFactory connectionFactory() { return Dialects.connect(URL); }

  @Override public void requireReachable() {
    DatabaseTarget.requireTcp("PostgreSQL", "127.0.0.1", 5432);
    Created.ONCE.hashCode();
  }

  /** Creates this run's database the first time a test class needs it. */
  private static final class Created {
    static final Object ONCE = create();

    private static Object create() {
      if (System.getProperty("sluice.postgres.url") == null) {
        RunDatabases.recreate(ADMIN_URL, DATABASE, " WITH (FORCE)");
        RunDatabases.dropOnExit(ADMIN_URL, DATABASE, " WITH (FORCE)");
      }
      return new Object();
    }
  }
}
