package dev.sluice.dialect.mariadb;

import dev.sluice.contract.DatabaseTarget;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The local MariaDB (127.0.0.1:3306, root, no password) through org.mariadb's r2dbc-mariadb, in a
 * database of its own ({@code sluice_mariadb}), so that its tables do not collide with the
 * r2dbc-mysql run's, dropped and recreated for every test class.
 */
public final class MariaDbTarget implements DatabaseTarget {
  static final MariaDbTarget INSTANCE = new MariaDbTarget();
  static final String URL = System.getProperty("sluice.mariadb.url",
      "r2dbc:mariadb://root@127.0.0.1:3306/sluice_mariadb");

  @Override public String name() { return "mariadb"; }

  @Override public ConnectionFactory connectionFactory() { return ConnectionFactories.get(URL); }

  @Override public void requireReachable() {
    DatabaseTarget.requireTcp("MariaDB", "127.0.0.1", 3306);
    recreateDatabase("r2dbc:mariadb://root@127.0.0.1:3306/test", "sluice_mariadb");
  }

  /**
   * Drops and recreates a database through a connection to {@code url}, so each test class starts
   * empty (as the H2 and SQLite targets do): MySQL and MariaDB ignore {@code DROP TABLE ... CASCADE},
   * so a table another contract left behind (posts referencing users) would block dropping its parent.
   */
  public static void recreateDatabase(String url, String database) {
    Mono.usingWhen(Mono.from(ConnectionFactories.get(url).create()),
        (Connection c) -> run(c, "DROP DATABASE IF EXISTS " + database)
            .then(run(c, "CREATE DATABASE " + database)),
        Connection::close).block(Duration.ofSeconds(30));
  }

  private static Mono<Void> run(Connection c, String sql) {
    return Flux.from(c.createStatement(sql).execute()).concatMap(r -> r.getRowsUpdated()).then();
  }
}
