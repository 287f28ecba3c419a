package dev.sluice.dialect.cockroach;

import dev.sluice.contract.BoundedMemoryContract;
import dev.sluice.contract.DatabaseTarget;
import org.testcontainers.cockroachdb.CockroachContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The bounded-memory contract (1M rows streamed in a JVM capped at -Xmx64m) on CockroachDB 24.1 (insecure single node); skipped where no Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
class CockroachBoundedMemoryIT extends BoundedMemoryContract {
  @Container
  static final CockroachContainer DB = CockroachTarget.container();

  @Override protected DatabaseTarget target() { return new CockroachTarget(DB); }
}
