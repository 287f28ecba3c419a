package dev.sluice.dialect.mssql;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.SpringTransactionContract;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mssqlserver.MSSQLServerContainer;

/** The Spring transaction contract (Sluice inside Spring's R2dbcTransactionManager on the same pool) on SQL Server 2022; skipped where no Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
class SqlServerSpringTransactionIT extends SpringTransactionContract {
  @Container
  static final MSSQLServerContainer DB = SqlServerTarget.container();

  @Override protected DatabaseTarget target() { return new SqlServerTarget(DB); }
}
