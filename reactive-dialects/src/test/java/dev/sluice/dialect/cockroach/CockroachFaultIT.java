package dev.sluice.dialect.cockroach;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.FaultContract;
import org.testcontainers.cockroachdb.CockroachContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The fault contract (10k cancelled streams, exhausted pool, failed and timed-out transactions, retry, concurrent SERIALIZABLE writers) on CockroachDB 24.1 (insecure single node); skipped where no Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
class CockroachFaultIT extends FaultContract {
  @Container
  static final CockroachContainer DB = CockroachTarget.container();

  @Override protected DatabaseTarget target() { return new CockroachTarget(DB); }

  @Override protected String slowSql(int seconds) { return "SELECT 1 FROM pg_sleep(" + seconds + ")"; }
}
