package dev.sluice.dialect.postgres;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.RunDatabases;
import dev.sluice.spi.Dialects;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.util.Optional;

/**
 * The local PostgreSQL through r2dbc-vertx on Vert.x's own pool ({@code ?poolSize=n}), in a
 * database of this test run's own ({@code sluice_vxown_<run id>}): the contracts run Sluice on
 * {@link #ownPool} with {@code pooled(false)}, as its users do, with no r2dbc-pool around it.
 * {@link #connectionFactory()} (unpooled, one Vert.x for every test) serves the contracts' own
 * side connections.
 */
final class VertxOwnPoolTarget implements DatabaseTarget {
  static final VertxOwnPoolTarget INSTANCE = new VertxOwnPoolTarget();
  static final String DATABASE = RunDatabases.name("sluice_vxown");
  static final String URL = "r2dbc:vertx-postgresql://postgres@127.0.0.1:5432/" + DATABASE;

  @Override public String name() { return "postgresql"; }

  @Override public ConnectionFactory connectionFactory() { return Created.FACTORY; }

  /** A factory of its own (its own Vert.x and pool), as {@code Dialects.connect(url)} builds it. */
  @Override public Optional<ConnectionFactory> ownPool(int size) {
    return Optional.of(Dialects.connect(URL + "?poolSize=" + size));
  }

  @Override public void requireReachable() {
    DatabaseTarget.requireTcp("PostgreSQL", "127.0.0.1", 5432);
    Created.FACTORY.hashCode();
  }

  /** Creates this run's database and the unpooled factory the first time a test class needs them. */
  private static final class Created {
    static final ConnectionFactory FACTORY = create();

    private static ConnectionFactory create() {
      RunDatabases.recreate(PostgresTarget.ADMIN_URL, DATABASE, " WITH (FORCE)");
      RunDatabases.dropOnExit(PostgresTarget.ADMIN_URL, DATABASE, " WITH (FORCE)");
      return ConnectionFactories.get(URL);
    }
  }
}
