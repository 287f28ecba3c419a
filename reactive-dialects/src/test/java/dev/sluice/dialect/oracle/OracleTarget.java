package dev.sluice.dialect.oracle;

import dev.sluice.contract.DatabaseTarget;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.testcontainers.oracle.OracleContainer;

/**
 * Oracle Database 23ai Free in a Testcontainers container. The IT classes using it are annotated
 * {@code @Testcontainers(disabledWithoutDocker = true)}: without a Docker engine they are skipped
 * (visibly, "disabledWithoutDocker is true and Docker is not available"), even under {@code CI=true},
 * since no such server can exist on a machine without one.
 */
final class OracleTarget implements DatabaseTarget {
  private final OracleContainer db;

  OracleTarget(OracleContainer db) {
    this.db = db;
  }

  /** A new, not yet started container. */
  static OracleContainer container() {
    return new OracleContainer("gvenzl/oracle-free:23-slim-faststart");
  }

  @Override public String name() { return "oracle"; }

  @Override public ConnectionFactory connectionFactory() {
    return ConnectionFactories.get(ConnectionFactoryOptions.builder()
        .option(ConnectionFactoryOptions.DRIVER, "oracle")
        .option(ConnectionFactoryOptions.HOST, db.getHost())
        .option(ConnectionFactoryOptions.PORT, db.getOraclePort())
        .option(ConnectionFactoryOptions.DATABASE, db.getDatabaseName())
        .option(ConnectionFactoryOptions.USER, db.getUsername())
        .option(ConnectionFactoryOptions.PASSWORD, db.getPassword())
        .build());
  }

  /** Started by the Testcontainers extension before the contract's set-up runs. */
  @Override public void requireReachable() {
    if (!db.isRunning()) {
      throw new IllegalStateException("Oracle Database 23ai Free container is not running");
    }
  }
}
