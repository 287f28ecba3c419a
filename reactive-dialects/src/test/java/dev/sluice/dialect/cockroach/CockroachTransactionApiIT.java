package dev.sluice.dialect.cockroach;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.TransactionApiContract;
import org.testcontainers.cockroachdb.CockroachContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The transaction-API contract (Mono bodies, read-only, savepoints, manual transactions) on CockroachDB 24.1 (insecure single node); skipped where no Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
class CockroachTransactionApiIT extends TransactionApiContract {
  @Container
  static final CockroachContainer DB = CockroachTarget.container();

  @Override protected DatabaseTarget target() { return new CockroachTarget(DB); }
}
