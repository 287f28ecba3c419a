package dev.sluice.dialect.cockroach;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.SpringTransactionContract;
import org.testcontainers.cockroachdb.CockroachContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The Spring transaction contract (Sluice inside Spring's R2dbcTransactionManager on the same pool) on CockroachDB 24.1 (insecure single node); skipped where no Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
class CockroachSpringTransactionIT extends SpringTransactionContract {
  @Container
  static final CockroachContainer DB = CockroachTarget.container();

  @Override protected DatabaseTarget target() { return new CockroachTarget(DB); }
}
