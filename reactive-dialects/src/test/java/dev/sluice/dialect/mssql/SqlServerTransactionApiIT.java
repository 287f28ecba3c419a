package dev.sluice.dialect.mssql;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.TransactionApiContract;
import dev.sluice.dialect.Excused;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mssqlserver.MSSQLServerContainer;

/** The transaction-API contract (Mono bodies, read-only, savepoints, manual transactions) on SQL Server 2022; skipped where no Docker engine exists. */
@Excused(test = "aReadOnlyTransactionRefusesWrites",
    reason = "SQL Server has no read-only transactions (only read-only databases or ApplicationIntent=ReadOnly"
        + " replicas): a READ_ONLY transaction definition cannot refuse a write")
@Testcontainers(disabledWithoutDocker = true)
class SqlServerTransactionApiIT extends TransactionApiContract {
  @Container
  static final MSSQLServerContainer DB = SqlServerTarget.container();

  @Override protected DatabaseTarget target() { return new SqlServerTarget(DB); }
}
