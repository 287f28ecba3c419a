package dev.sluice.dialect.oracle;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.PaginationContract;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.oracle.OracleContainer;

/** The pagination contract (offset pages with totals, keyset) on Oracle Database 23ai Free; skipped where no Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
class OraclePaginationIT extends PaginationContract {
  @Container
  static final OracleContainer DB = OracleTarget.container();

  @Override protected DatabaseTarget target() { return new OracleTarget(DB); }
}
