package dev.sluice.dialect.mssql;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.WriteContract;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mssqlserver.MSSQLServerContainer;

/** The write contract (upserts, RETURNING from UPDATE and DELETE) on SQL Server 2022; skipped where no Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
class SqlServerWriteIT extends WriteContract {
  @Container
  static final MSSQLServerContainer DB = SqlServerTarget.container();

  @Override protected DatabaseTarget target() { return new SqlServerTarget(DB); }
}
