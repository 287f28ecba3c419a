package dev.sluice.dialect.mssql;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.RelationsContract;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mssqlserver.MSSQLServerContainer;

/** The relations contract (windowed eager loading, nesting, many-to-many) on SQL Server 2022; skipped where no Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
class SqlServerRelationsIT extends RelationsContract {
  @Container
  static final MSSQLServerContainer DB = SqlServerTarget.container();

  @Override protected DatabaseTarget target() { return new SqlServerTarget(DB); }
}
