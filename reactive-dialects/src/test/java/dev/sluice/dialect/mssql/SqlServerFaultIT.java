package dev.sluice.dialect.mssql;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.FaultContract;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mssqlserver.MSSQLServerContainer;

/** The fault contract (10k cancelled streams, exhausted pool, failed and timed-out transactions, retry, concurrent SERIALIZABLE writers) on SQL Server 2022; skipped where no Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
class SqlServerFaultIT extends FaultContract {
  @Container
  static final MSSQLServerContainer DB = SqlServerTarget.container();

  @Override protected DatabaseTarget target() { return new SqlServerTarget(DB); }

  @Override protected String slowSql(int seconds) {
    return "WAITFOR DELAY '00:00:" + String.format("%02d", seconds) + "'; SELECT 1 AS one";
  }
}
