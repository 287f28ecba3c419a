package dev.sluice.dialect.mssql;

import dev.sluice.contract.AdvancedQueryContract;
import dev.sluice.contract.DatabaseTarget;
import org.testcontainers.mssqlserver.MSSQLServerContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The advanced-query contract (common, recursive and derived tables) on SQL Server 2022; skipped where no Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
class SqlServerAdvancedQueryIT extends AdvancedQueryContract {
  @Container
  static final MSSQLServerContainer DB = SqlServerTarget.container();

  @Override protected DatabaseTarget target() { return new SqlServerTarget(DB); }
}
