package dev.sluice.dialect.mssql;

import dev.sluice.contract.BadInputContract;
import dev.sluice.contract.DatabaseTarget;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mssqlserver.MSSQLServerContainer;

/** The bad-input contract (NOT NULL, too-long strings, wrong types through raw SQL) on SQL Server 2022; skipped where no Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
class SqlServerBadInputIT extends BadInputContract {
  @Container
  static final MSSQLServerContainer DB = SqlServerTarget.container();

  @Override protected DatabaseTarget target() { return new SqlServerTarget(DB); }
}
