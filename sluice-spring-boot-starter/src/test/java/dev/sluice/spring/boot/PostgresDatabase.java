package dev.sluice.spring.boot;

import dev.sluice.contract.RunDatabases;

/**
 * The local PostgreSQL (127.0.0.1:5432, trust auth), in a database of this test run's own
 * ({@code sluice_boot_<run id>}), created on first use and dropped when the JVM exits.
 */
final class PostgresDatabase {
  static final String ADMIN_URL = "r2dbc:postgresql://postgres@127.0.0.1:5432/postgres";
  static final String NAME = RunDatabases.name("sluice_boot");
  static final String URL = "r2dbc:postgresql://postgres@127.0.0.1:5432/" + NAME;

  private PostgresDatabase() {}

  /** The URL of this run's database, created the first time it is asked for. */
  static String url() {
    Created.ONCE.hashCode();
    return URL;
  }

  /** A fresh database of this run for a test that must not see another test's tables. */
  static String fresh(String prefix) {
    String name = RunDatabases.name(prefix);
    RunDatabases.recreate(ADMIN_URL, name, " WITH (FORCE)");
    RunDatabases.dropOnExit(ADMIN_URL, name, " WITH (FORCE)");
    return "r2dbc:postgresql://postgres@127.0.0.1:5432/" + name;
  }

  private static final class Created {
    static final Object ONCE = create();

    private static Object create() {
      RunDatabases.recreate(ADMIN_URL, NAME, " WITH (FORCE)");
      RunDatabases.dropOnExit(ADMIN_URL, NAME, " WITH (FORCE)");
      return new Object();
    }
  }
}
