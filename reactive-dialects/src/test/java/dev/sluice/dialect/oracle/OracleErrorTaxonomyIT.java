package dev.sluice.dialect.oracle;

import dev.sluice.contract.ErrorTaxonomyContract;
import dev.sluice.contract.DatabaseTarget;
import org.testcontainers.oracle.OracleContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The error-taxonomy contract on Oracle Database 23ai Free; skipped where no Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
class OracleErrorTaxonomyIT extends ErrorTaxonomyContract {
  @Container
  static final OracleContainer DB = OracleTarget.container();

  @Override protected DatabaseTarget target() { return new OracleTarget(DB); }
}
