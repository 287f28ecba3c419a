package dev.sluice.dialect.mssql;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.InjectionContract;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mssqlserver.MSSQLServerContainer;

/** The injection contract (hostile values through every bind path, quoted identifiers, NUL) on SQL Server 2022; skipped where no Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
class SqlServerInjectionIT extends InjectionContract {
  @Container
  static final MSSQLServerContainer DB = SqlServerTarget.container();

  @Override protected DatabaseTarget target() { return new SqlServerTarget(DB); }
}
