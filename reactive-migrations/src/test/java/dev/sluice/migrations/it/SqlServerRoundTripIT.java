package dev.sluice.migrations.it;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mssqlserver.MSSQLServerContainer;

/**
 * The round trip on SQL Server 2022 in a container: a fresh database per test, the migration SQL
 * applied, {@code SqlServerIntrospector} reading it back. Skipped, visibly ("disabledWithoutDocker
 * is true and Docker is not available"), where no Docker engine exists.
 */
@Testcontainers(disabledWithoutDocker = true)
class SqlServerRoundTripIT extends RoundTripContract {
  @Container
  static final MSSQLServerContainer DB = new MSSQLServerContainer("mcr.microsoft.com/mssql/server:2022-latest").acceptLicense();

  @Override protected LiveTarget target(String purpose) {
    String server = "r2dbc:mssql://" + DB.getUsername() + ":" + DB.getPassword() + "@" + DB.getHost() + ":"
        + DB.getMappedPort(MSSQLServerContainer.MS_SQL_SERVER_PORT) + "/";
    return LiveTarget.container("sqlserver", server + "master", server, purpose);
  }
}
