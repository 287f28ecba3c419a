package dev.sluice.dialect.oracle;

import dev.sluice.contract.AdvancedQueryContract;
import dev.sluice.contract.BadInputContract;
import dev.sluice.contract.CompoundContract;
import dev.sluice.contract.CrudContract;
import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.ErrorContract;
import dev.sluice.contract.ErrorTaxonomyContract;
import dev.sluice.contract.FaultContract;
import dev.sluice.contract.InjectionContract;
import dev.sluice.contract.NestedTransactionContract;
import dev.sluice.contract.ObservationContract;
import dev.sluice.contract.PaginationContract;
import dev.sluice.contract.QueryCacheContract;
import dev.sluice.contract.QueryLanguageContract;
import dev.sluice.contract.RelationShapesContract;
import dev.sluice.contract.RelationsContract;
import dev.sluice.contract.SpringTransactionContract;
import dev.sluice.contract.StreamingContract;
import dev.sluice.contract.TransactionApiContract;
import dev.sluice.contract.TransactionContract;
import dev.sluice.contract.WriteContract;
import dev.sluice.dialect.Excused;
import org.junit.jupiter.api.Nested;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.oracle.OracleContainer;

/**
 * Every shared contract on Oracle, one {@code @Nested} class per contract (a contract with tests
 * of its own for this database has its own {@code *IT} class beside this one).
 */
@Testcontainers(disabledWithoutDocker = true)
class OracleContractsIT {
  @Container
  static final OracleContainer DB = OracleTarget.container();

  /** The advanced-query contract (common, recursive and derived tables) on Oracle Database 23ai Free; skipped where no Docker engine exists. */
  @Nested
  class AdvancedQuery extends AdvancedQueryContract {
    @Override protected DatabaseTarget target() { return new OracleTarget(DB); }
  }

  /** The bad-input contract (NOT NULL, too-long strings, wrong types through raw SQL) on Oracle Database 23ai Free; skipped where no Docker engine exists. */
  @Nested
  class BadInput extends BadInputContract {
    @Override protected DatabaseTarget target() { return new OracleTarget(DB); }
  }

  /** The compound-query contract (set operators, INSERT ... SELECT) on Oracle Database 23ai Free; skipped where no Docker engine exists. */
  @Nested
  class Compound extends CompoundContract {
    @Override protected DatabaseTarget target() { return new OracleTarget(DB); }
  }

  /** The crud contract on Oracle Database 23ai Free; skipped where no Docker engine exists. */
  @Nested
  class Crud extends CrudContract {
    @Override protected DatabaseTarget target() { return new OracleTarget(DB); }
  }

  /** The error contract on Oracle Database 23ai Free; skipped where no Docker engine exists. */
  @Nested
  class Errors extends ErrorContract {
    @Override protected DatabaseTarget target() { return new OracleTarget(DB); }
  }

  /** The error-taxonomy contract on Oracle Database 23ai Free; skipped where no Docker engine exists. */
  @Nested
  class ErrorTaxonomy extends ErrorTaxonomyContract {
    @Override protected DatabaseTarget target() { return new OracleTarget(DB); }
  }

  /** The fault contract (10k cancelled streams, exhausted pool, failed and timed-out transactions, retry, concurrent SERIALIZABLE writers) on Oracle Database 23ai Free; skipped where no Docker engine exists. */
  @Nested
  class Fault extends FaultContract {
    @Override protected DatabaseTarget target() { return new OracleTarget(DB); }

    @Override protected String slowSql(int seconds) {
      return "SELECT COUNT(*) FROM (SELECT LEVEL FROM DUAL CONNECT BY LEVEL <= " + seconds * 2_000_000L + ")";
    }
  }

  /** The injection contract (hostile values through every bind path, quoted identifiers, NUL) on Oracle Database 23ai Free; skipped where no Docker engine exists. */
  @Nested
  class Injection extends InjectionContract {
    @Override protected DatabaseTarget target() { return new OracleTarget(DB); }
  }

  /** The nested-transaction contract on Oracle Database 23ai Free; skipped where no Docker engine exists. */
  @Nested
  class NestedTransaction extends NestedTransactionContract {
    @Override protected DatabaseTarget target() { return new OracleTarget(DB); }
  }

  /** The pagination contract (offset pages with totals, keyset) on Oracle Database 23ai Free; skipped where no Docker engine exists. */
  @Nested
  class Pagination extends PaginationContract {
    @Override protected DatabaseTarget target() { return new OracleTarget(DB); }
  }

  @Nested
  class Observation extends ObservationContract {
    @Override protected DatabaseTarget target() { return new OracleTarget(DB); }
  }

  @Nested
  class QueryCache extends QueryCacheContract {
    @Override protected DatabaseTarget target() { return new OracleTarget(DB); }
  }

  /** The query-language contract on Oracle Database 23ai Free; skipped where no Docker engine exists. */
  @Nested
  class QueryLanguage extends QueryLanguageContract {
    @Override protected DatabaseTarget target() { return new OracleTarget(DB); }
  }

  /** The relations contract (windowed eager loading, nesting, many-to-many) on Oracle Database 23ai Free; skipped where no Docker engine exists. */
  @Nested
  class Relations extends RelationsContract {
    @Override protected DatabaseTarget target() { return new OracleTarget(DB); }
  }

  @Nested
  class RelationShapes extends RelationShapesContract {
    @Override protected DatabaseTarget target() { return new OracleTarget(DB); }
  }

  /** The Spring transaction contract (Sluice inside Spring's R2dbcTransactionManager on the same pool) on Oracle Database 23ai Free; skipped where no Docker engine exists. */
  @Nested
  class SpringTransaction extends SpringTransactionContract {
    @Override protected DatabaseTarget target() { return new OracleTarget(DB); }
  }

  /** The streaming contract on Oracle Database 23ai Free; skipped where no Docker engine exists. */
  @Nested
  class Streaming extends StreamingContract {
    @Override protected DatabaseTarget target() { return new OracleTarget(DB); }
  }

  /** The transaction-API contract (Mono bodies, read-only, savepoints, manual transactions) on Oracle Database 23ai Free; skipped where no Docker engine exists. */
  @Nested
  class TransactionApi extends TransactionApiContract {
    @Override protected DatabaseTarget target() { return new OracleTarget(DB); }
  }

  /** The transaction contract on Oracle Database 23ai Free; skipped where no Docker engine exists. */
  @Nested
  class Transaction extends TransactionContract {
    @Override protected DatabaseTarget target() { return new OracleTarget(DB); }
  }

  /** The write contract (upserts, RETURNING from UPDATE and DELETE) on Oracle Database 23ai Free; skipped where no Docker engine exists. */
  @Excused(test = "updateAndDeleteCanReturnTheRowsTheyChanged",
      reason = "Oracle's RETURNING ... INTO exists only in PL/SQL and cannot hand rows to an R2DBC client: the dialect"
          + " rejects UPDATE and DELETE returning() with UnsupportedByDialectException, see OracleDialectTest")
  @Nested
  class Write extends WriteContract {
    @Override protected DatabaseTarget target() { return new OracleTarget(DB); }
  }
}
