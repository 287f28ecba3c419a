package dev.sluice.dialect.oracle;

import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.WriteContract;
import dev.sluice.dialect.Excused;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.oracle.OracleContainer;

/** The write contract (upserts, RETURNING from UPDATE and DELETE) on Oracle Database 23ai Free; skipped where no Docker engine exists. */
@Excused(test = "updateAndDeleteCanReturnTheRowsTheyChanged",
    reason = "Oracle's RETURNING ... INTO exists only in PL/SQL and cannot hand rows to an R2DBC client: the dialect"
        + " rejects UPDATE and DELETE returning() with UnsupportedByDialectException, see OracleDialectTest")
@Testcontainers(disabledWithoutDocker = true)
class OracleWriteIT extends WriteContract {
  @Container
  static final OracleContainer DB = OracleTarget.container();

  @Override protected DatabaseTarget target() { return new OracleTarget(DB); }
}
