package dev.sluice.dialect.oracle;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.InjectionContract;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.oracle.OracleContainer;

/** The injection contract (hostile values through every bind path, quoted identifiers, NUL) on Oracle Database 23ai Free; skipped where no Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
class OracleInjectionIT extends InjectionContract {
  @Container
  static final OracleContainer DB = OracleTarget.container();

  @Override protected DatabaseTarget target() { return new OracleTarget(DB); }
}
