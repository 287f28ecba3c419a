package dev.sluice.examples.service;

import dev.sluice.contract.RunDatabases;

/**
 * A PostgreSQL database of this test run's own on the local server (127.0.0.1:5432, trust auth),
 * made fresh for each caller and dropped when the JVM exits, so parallel runs never meet.
 */
final class ServiceDatabase {
  static final String ADMIN_URL = "r2dbc:postgresql://postgres@127.0.0.1:5432/postgres";

  private ServiceDatabase() {}

  /** The URL of a new, empty database named after {@code prefix} and the run id. */
  static String fresh(String prefix) {
    String name = RunDatabases.name(prefix);
    RunDatabases.recreate(ADMIN_URL, name, " WITH (FORCE)");
    RunDatabases.dropOnExit(ADMIN_URL, name, " WITH (FORCE)");
    return "r2dbc:postgresql://postgres@127.0.0.1:5432/" + name;
  }
}
