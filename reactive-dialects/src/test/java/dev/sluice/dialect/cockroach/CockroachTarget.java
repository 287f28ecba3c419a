package dev.sluice.dialect.cockroach;

import dev.sluice.contract.DatabaseTarget;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.testcontainers.cockroachdb.CockroachContainer;

/**
 * CockroachDB 24.1 (insecure single node) in a Testcontainers container. The IT classes using it are annotated
 * {@code @Testcontainers(disabledWithoutDocker = true)}: without a Docker engine they are skipped
 * (visibly, "disabledWithoutDocker is true and Docker is not available"), even under {@code CI=true},
 * since no such server can exist on a machine without one.
 */
final class CockroachTarget implements DatabaseTarget {
  private final CockroachContainer db;

  CockroachTarget(CockroachContainer db) {
    this.db = db;
  }

  /** A new, not yet started container. */
  static CockroachContainer container() {
    return new CockroachContainer("cockroachdb/cockroach:v24.1.0");
  }

  @Override public String name() { return "cockroach"; }

  @Override public ConnectionFactory connectionFactory() {
    return named("CockroachDB", ConnectionFactories.get(ConnectionFactoryOptions.builder()
        .option(ConnectionFactoryOptions.DRIVER, "postgresql")
        .option(ConnectionFactoryOptions.HOST, db.getHost())
        .option(ConnectionFactoryOptions.PORT, db.getMappedPort(26257))
        .option(ConnectionFactoryOptions.DATABASE, db.getDatabaseName())
        .option(ConnectionFactoryOptions.USER, db.getUsername())
        .build()));
  }

  /** Started by the Testcontainers extension before the contract's set-up runs. */
  @Override public void requireReachable() {
    if (!db.isRunning()) {
      throw new IllegalStateException("CockroachDB 24.1 (insecure single node) container is not running");
    }
  }

  /**
   * r2dbc-postgresql names CockroachDB "PostgreSQL"; the contract detects its dialect from the
   * factory's metadata, so the factory is wrapped to say "CockroachDB", which CockroachDialect accepts.
   */
  private static ConnectionFactory named(String name, ConnectionFactory delegate) {
    return new ConnectionFactory() {
      @Override public org.reactivestreams.Publisher<? extends io.r2dbc.spi.Connection> create() {
        return delegate.create();
      }

      @Override public io.r2dbc.spi.ConnectionFactoryMetadata getMetadata() { return () -> name; }
    };
  }
}
