package dev.sluice.dialect.oracle;

import dev.sluice.contract.CompoundContract;
import dev.sluice.contract.DatabaseTarget;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.oracle.OracleContainer;

/** The compound-query contract (set operators, INSERT ... SELECT) on Oracle Database 23ai Free; skipped where no Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
class OracleCompoundIT extends CompoundContract {
  @Container
  static final OracleContainer DB = OracleTarget.container();

  @Override protected DatabaseTarget target() { return new OracleTarget(DB); }
}
