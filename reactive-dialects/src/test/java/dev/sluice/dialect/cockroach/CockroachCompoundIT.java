package dev.sluice.dialect.cockroach;

import dev.sluice.contract.CompoundContract;
import dev.sluice.contract.DatabaseTarget;
import org.testcontainers.cockroachdb.CockroachContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The compound-query contract (set operators, INSERT ... SELECT) on CockroachDB 24.1 (insecure single node); skipped where no Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
class CockroachCompoundIT extends CompoundContract {
  @Container
  static final CockroachContainer DB = CockroachTarget.container();

  @Override protected DatabaseTarget target() { return new CockroachTarget(DB); }
}
