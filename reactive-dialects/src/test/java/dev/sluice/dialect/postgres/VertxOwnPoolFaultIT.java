package dev.sluice.dialect.postgres;

import dev.sluice.contract.DatabaseTarget;
import io.r2dbc.spi.ConnectionFactory;
import java.util.Optional;

/**
 * The PostgreSQL fault suite ({@link PostgresFaultIT}) through r2dbc-vertx on Vert.x's own pool
 * ({@code ?poolSize=n}) with Sluice built {@code pooled(false)}: same database and
 * {@code application_name} as the other fault suites, so its session checks see this pool's
 * connections. The exhausted-pool test is skipped with its reason (it is Sluice's r2dbc-pool's).
 */
class VertxOwnPoolFaultIT extends PostgresFaultIT {
  private static final String URL = "r2dbc:vertx-postgresql://postgres@127.0.0.1:5432/"
      + PostgresTarget.DATABASE + "?applicationName=" + APP;

  private static final DatabaseTarget TARGET = new DatabaseTarget() {
    @Override public String name() { return "postgresql"; }

    @Override public ConnectionFactory connectionFactory() { return dev.sluice.spi.Dialects.connect(URL); }

    @Override public Optional<ConnectionFactory> ownPool(int size) {
      return Optional.of(dev.sluice.spi.Dialects.connect(URL + "&poolSize=" + size));
    }

    @Override public void requireReachable() { PostgresTarget.INSTANCE.requireReachable(); }
  };

  @Override protected DatabaseTarget target() { return TARGET; }
}
