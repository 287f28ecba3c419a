package dev.sluice.dialect.mariadb;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.RunDatabases;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local MariaDB (127.0.0.1:3306, root, no password) through org.mariadb's r2dbc-mariadb, in a
 * database of this run's own ({@code sluice_mariadb_<run id>}), so that its tables collide neither
 * with the r2dbc-mysql run's nor with another run's; dropped and recreated for every test class and
 * dropped when the JVM exits.
 */
public final class MariaDbTarget implements DatabaseTarget {
  static final MariaDbTarget INSTANCE = new MariaDbTarget();
  static final String DATABASE = RunDatabases.name("sluice_mariadb");
  private static final Set<String> DROPPED_ON_EXIT = ConcurrentHashMap.newKeySet();
  static final String URL = System.getProperty("sluice.mariadb.url",
      "r2dbc:mariadb://root@127.0.0.1:3306/" + DATABASE);

  @Override public String name() { return "mariadb"; }

  @Override public ConnectionFactory connectionFactory() { return ConnectionFactories.get(URL); }

  @Override public void requireReachable() {
    DatabaseTarget.requireTcp("MariaDB", "127.0.0.1", 3306);
    recreateDatabase("r2dbc:mariadb://root@127.0.0.1:3306/test", DATABASE);
  }

  /**
   * Drops and recreates a database through a connection to {@code url}, so each test class starts
   * empty (as the H2 and SQLite targets do): MySQL and MariaDB ignore {@code DROP TABLE ... CASCADE},
   * so a table another contract left behind (posts referencing users) would block dropping its parent.
   */
  public static void recreateDatabase(String url, String database) {
    RunDatabases.recreate(url, database, "");
    if (DROPPED_ON_EXIT.add(database)) {
      RunDatabases.dropOnExit(url, database, "");
    }
  }
}
