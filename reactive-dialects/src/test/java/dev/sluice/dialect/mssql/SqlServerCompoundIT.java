package dev.sluice.dialect.mssql;

import dev.sluice.contract.CompoundContract;
import dev.sluice.contract.DatabaseTarget;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mssqlserver.MSSQLServerContainer;

/** The compound-query contract (set operators, INSERT ... SELECT) on SQL Server 2022; skipped where no Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
class SqlServerCompoundIT extends CompoundContract {
  @Container
  static final MSSQLServerContainer DB = SqlServerTarget.container();

  @Override protected DatabaseTarget target() { return new SqlServerTarget(DB); }
}
