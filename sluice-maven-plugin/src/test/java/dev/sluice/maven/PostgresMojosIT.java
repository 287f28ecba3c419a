package dev.sluice.maven;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.RunDatabases;

/**
 * The goals on a fresh PostgreSQL database per test (dropped when the JVM exits), the user given as
 * {@code <user>} rather than in the URL; an unreachable server fails under {@code CI=true}.
 */
class PostgresMojosIT extends MojosContract {
  private String name;

  @Override protected String freshDatabase(String purpose) {
    DatabaseTarget.requireTcp("PostgreSQL", "127.0.0.1", 5432);
    String admin = "r2dbc:postgresql://postgres@127.0.0.1:5432/postgres";
    name = RunDatabases.name("sluice_mojo_" + purpose);
    RunDatabases.recreate(admin, name, " WITH (FORCE)");
    RunDatabases.dropOnExit(admin, name, " WITH (FORCE)");
    return "r2dbc:postgresql://postgres@127.0.0.1:5432/" + name;
  }

  @Override protected void credentials(SluiceMojo m) {
    if (m.url != null) {
      m.url = "r2dbc:postgresql://127.0.0.1:5432/" + name;
      m.user = "postgres";
    }
  }
}
