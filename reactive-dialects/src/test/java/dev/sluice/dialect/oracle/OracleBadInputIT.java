package dev.sluice.dialect.oracle;

import dev.sluice.contract.BadInputContract;
import dev.sluice.contract.DatabaseTarget;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.oracle.OracleContainer;

/** The bad-input contract (NOT NULL, too-long strings, wrong types through raw SQL) on Oracle Database 23ai Free; skipped where no Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
class OracleBadInputIT extends BadInputContract {
  @Container
  static final OracleContainer DB = OracleTarget.container();

  @Override protected DatabaseTarget target() { return new OracleTarget(DB); }
}
