package dev.sluice.dialect.oracle;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.RelationsContract;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.oracle.OracleContainer;

/** The relations contract (windowed eager loading, nesting, many-to-many) on Oracle Database 23ai Free; skipped where no Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
class OracleRelationsIT extends RelationsContract {
  @Container
  static final OracleContainer DB = OracleTarget.container();

  @Override protected DatabaseTarget target() { return new OracleTarget(DB); }
}
