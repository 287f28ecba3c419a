package dev.sluice.dialect.cockroach;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.PaginationContract;
import org.testcontainers.cockroachdb.CockroachContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The pagination contract (offset pages with totals, keyset) on CockroachDB 24.1 (insecure single node); skipped where no Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
class CockroachPaginationIT extends PaginationContract {
  @Container
  static final CockroachContainer DB = CockroachTarget.container();

  @Override protected DatabaseTarget target() { return new CockroachTarget(DB); }
}
