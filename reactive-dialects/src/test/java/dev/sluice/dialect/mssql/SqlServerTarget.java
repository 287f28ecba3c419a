package dev.sluice.dialect.mssql;

import dev.sluice.contract.DatabaseTarget;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.testcontainers.mssqlserver.MSSQLServerContainer;

/**
 * SQL Server 2022 in a Testcontainers container. The IT classes using it are annotated
 * {@code @Testcontainers(disabledWithoutDocker = true)}: without a Docker engine they are skipped
 * (visibly, "disabledWithoutDocker is true and Docker is not available"), even under {@code CI=true},
 * since no such server can exist on a machine without one.
 */
final class SqlServerTarget implements DatabaseTarget {
  private final MSSQLServerContainer db;

  SqlServerTarget(MSSQLServerContainer db) {
    this.db = db;
  }

  /** A new, not yet started container. */
  static MSSQLServerContainer container() {
    return new MSSQLServerContainer("mcr.microsoft.com/mssql/server:2022-latest").acceptLicense();
  }

  @Override public String name() { return "mssql"; }

  @Override public ConnectionFactory connectionFactory() {
    return ConnectionFactories.get(ConnectionFactoryOptions.builder()
        .option(ConnectionFactoryOptions.DRIVER, "sqlserver")
        .option(ConnectionFactoryOptions.HOST, db.getHost())
        .option(ConnectionFactoryOptions.PORT, db.getMappedPort(MSSQLServerContainer.MS_SQL_SERVER_PORT))
        .option(ConnectionFactoryOptions.USER, db.getUsername())
        .option(ConnectionFactoryOptions.PASSWORD, db.getPassword())
        .build());
  }

  /** Started by the Testcontainers extension before the contract's set-up runs. */
  @Override public void requireReachable() {
    if (!db.isRunning()) {
      throw new IllegalStateException("SQL Server 2022 container is not running");
    }
  }
}
