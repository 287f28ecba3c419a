package dev.sluice.dialect.cockroach;

import dev.sluice.contract.BadInputContract;
import dev.sluice.contract.DatabaseTarget;
import org.testcontainers.cockroachdb.CockroachContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The bad-input contract (NOT NULL, too-long strings, wrong types through raw SQL) on CockroachDB 24.1 (insecure single node); skipped where no Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
class CockroachBadInputIT extends BadInputContract {
  @Container
  static final CockroachContainer DB = CockroachTarget.container();

  @Override protected DatabaseTarget target() { return new CockroachTarget(DB); }
}
