package dev.sluice.dialect.cockroach;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.InjectionContract;
import org.testcontainers.cockroachdb.CockroachContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The injection contract (hostile values through every bind path, quoted identifiers, NUL) on CockroachDB 24.1 (insecure single node); skipped where no Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
class CockroachInjectionIT extends InjectionContract {
  @Container
  static final CockroachContainer DB = CockroachTarget.container();

  @Override protected DatabaseTarget target() { return new CockroachTarget(DB); }
}
