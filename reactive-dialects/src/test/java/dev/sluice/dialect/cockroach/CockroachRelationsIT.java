package dev.sluice.dialect.cockroach;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.RelationsContract;
import org.testcontainers.cockroachdb.CockroachContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The relations contract (windowed eager loading, nesting, many-to-many) on CockroachDB 24.1 (insecure single node); skipped where no Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
class CockroachRelationsIT extends RelationsContract {
  @Container
  static final CockroachContainer DB = CockroachTarget.container();

  @Override protected DatabaseTarget target() { return new CockroachTarget(DB); }
}
