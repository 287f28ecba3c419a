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
 * r2dbc-mysql run's.
 */
public final class MariaDbTarget implements DatabaseTarget {
  static final MariaDbTarget INSTANCE = new MariaDbTarget();
  static final String URL = System.getProperty("sluice.mariadb.url",
      "r2dbc:mariadb://root@127.0.0.1:3306/sluice_mariadb");

  @Override public String name() { return "mariadb"; }

  @Override public ConnectionFactory connectionFactory() { return ConnectionFactories.get(URL); }

  @Override public void requireReachable() {
    DatabaseTarget.requireTcp("MariaDB", "127.0.0.1", 3306);
    createDatabase("r2dbc:mariadb://root@127.0.0.1:3306/test", "sluice_mariadb");
  }

  /** Creates a database if it is missing, through a connection to {@code url}. */
  public static void createDatabase(String url, String database) {
    Mono.usingWhen(Mono.from(ConnectionFactories.get(url).create()),
        (Connection c) -> Flux.from(c.createStatement("CREATE DATABASE IF NOT EXISTS " + database)
            .execute()).flatMap(r -> r.getRowsUpdated()).then(),
        Connection::close).block(Duration.ofSeconds(30));
  }
}
