package dev.sluice.dialect.mssql;

import dev.sluice.contract.BoundedMemoryContract;
import dev.sluice.contract.DatabaseTarget;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mssqlserver.MSSQLServerContainer;

/** The bounded-memory contract (1M rows streamed in a JVM capped at -Xmx64m) on SQL Server 2022; skipped where no Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
class SqlServerBoundedMemoryIT extends BoundedMemoryContract {
  @Container
  static final MSSQLServerContainer DB = SqlServerTarget.container();

  @Override protected DatabaseTarget target() { return new SqlServerTarget(DB); }
}
