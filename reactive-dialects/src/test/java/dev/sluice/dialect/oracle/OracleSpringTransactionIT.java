package dev.sluice.dialect.oracle;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.SpringTransactionContract;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.oracle.OracleContainer;

/** The Spring transaction contract (Sluice inside Spring's R2dbcTransactionManager on the same pool) on Oracle Database 23ai Free; skipped where no Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
class OracleSpringTransactionIT extends SpringTransactionContract {
  @Container
  static final OracleContainer DB = OracleTarget.container();

  @Override protected DatabaseTarget target() { return new OracleTarget(DB); }
}
