package dev.sluice.dialect.mssql;

import dev.sluice.contract.ErrorTaxonomyContract;
import dev.sluice.contract.DatabaseTarget;
import org.testcontainers.mssqlserver.MSSQLServerContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The error-taxonomy contract on SQL Server 2022; skipped where no Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
class SqlServerErrorTaxonomyIT extends ErrorTaxonomyContract {
  @Container
  static final MSSQLServerContainer DB = SqlServerTarget.container();

  @Override protected DatabaseTarget target() { return new SqlServerTarget(DB); }
}
