package dev.sluice.dialect.mysql;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.RunDatabases;
import dev.sluice.dialect.mariadb.MariaDbTarget;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;

/**
 * The local MariaDB seen as MySQL: io.asyncer's r2dbc-mysql names every server "MySQL", so the
 * {@link MySqlDialect} runs (no RETURNING: generated keys and a read-back). Database
 * {@code sluice_mysql_<run id>}, apart from the r2dbc-mariadb run's and other runs'.
 */
final class MySqlOnMariaDbTarget implements DatabaseTarget {
  static final MySqlOnMariaDbTarget INSTANCE = new MySqlOnMariaDbTarget();
  static final String DATABASE = RunDatabases.name("sluice_mysql");
  static final String URL = System.getProperty("sluice.mysql.url",
      "r2dbc:mysql://root@127.0.0.1:3306/" + DATABASE);

  @Override public String name() { return "mysql-on-mariadb"; }

  @Override public ConnectionFactory connectionFactory() { return ConnectionFactories.get(URL); }

  @Override public void requireReachable() {
    DatabaseTarget.requireTcp("MariaDB", "127.0.0.1", 3306);
    MariaDbTarget.recreateDatabase("r2dbc:mysql://root@127.0.0.1:3306/test", DATABASE);
  }
}
