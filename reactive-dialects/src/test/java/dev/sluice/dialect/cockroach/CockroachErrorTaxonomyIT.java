package dev.sluice.dialect.cockroach;

import dev.sluice.contract.ErrorTaxonomyContract;
import dev.sluice.contract.DatabaseTarget;
import org.testcontainers.cockroachdb.CockroachContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The error-taxonomy contract on CockroachDB 24.1 (insecure single node); skipped where no Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
class CockroachErrorTaxonomyIT extends ErrorTaxonomyContract {
  @Container
  static final CockroachContainer DB = CockroachTarget.container();

  @Override protected DatabaseTarget target() { return new CockroachTarget(DB); }
}
