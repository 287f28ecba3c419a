package dev.sluice.dialect.cockroach;

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
import org.junit.jupiter.api.Nested;
import org.testcontainers.cockroachdb.CockroachContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Every shared contract on CockroachDB, one {@code @Nested} class per contract (a contract with tests
 * of its own for this database has its own {@code *IT} class beside this one).
 */
@Testcontainers(disabledWithoutDocker = true)
class CockroachContractsIT {
  @Container
  static final CockroachContainer DB = CockroachTarget.container();

  /** The advanced-query contract (common, recursive and derived tables) on CockroachDB 24.1 (insecure single node); skipped where no Docker engine exists. */
  @Nested
  class AdvancedQuery extends AdvancedQueryContract {
    @Override protected DatabaseTarget target() { return new CockroachTarget(DB); }
  }

  /** The bad-input contract (NOT NULL, too-long strings, wrong types through raw SQL) on CockroachDB 24.1 (insecure single node); skipped where no Docker engine exists. */
  @Nested
  class BadInput extends BadInputContract {
    @Override protected DatabaseTarget target() { return new CockroachTarget(DB); }
  }

  /** The compound-query contract (set operators, INSERT ... SELECT) on CockroachDB 24.1 (insecure single node); skipped where no Docker engine exists. */
  @Nested
  class Compound extends CompoundContract {
    @Override protected DatabaseTarget target() { return new CockroachTarget(DB); }
  }

  /** The crud contract on CockroachDB 24.1 (insecure single node); skipped where no Docker engine exists. */
  @Nested
  class Crud extends CrudContract {
    @Override protected DatabaseTarget target() { return new CockroachTarget(DB); }
  }

  /** The error contract on CockroachDB 24.1 (insecure single node); skipped where no Docker engine exists. */
  @Nested
  class Errors extends ErrorContract {
    @Override protected DatabaseTarget target() { return new CockroachTarget(DB); }
  }

  /** The error-taxonomy contract on CockroachDB 24.1 (insecure single node); skipped where no Docker engine exists. */
  @Nested
  class ErrorTaxonomy extends ErrorTaxonomyContract {
    @Override protected DatabaseTarget target() { return new CockroachTarget(DB); }
  }

  /** The fault contract (10k cancelled streams, exhausted pool, failed and timed-out transactions, retry, concurrent SERIALIZABLE writers) on CockroachDB 24.1 (insecure single node); skipped where no Docker engine exists. */
  @Nested
  class Fault extends FaultContract {
    @Override protected DatabaseTarget target() { return new CockroachTarget(DB); }

    @Override protected String slowSql(int seconds) { return "SELECT 1 FROM pg_sleep(" + seconds + ")"; }
  }

  /** The injection contract (hostile values through every bind path, quoted identifiers, NUL) on CockroachDB 24.1 (insecure single node); skipped where no Docker engine exists. */
  @Nested
  class Injection extends InjectionContract {
    @Override protected DatabaseTarget target() { return new CockroachTarget(DB); }
  }

  /** The nested-transaction contract on CockroachDB 24.1 (insecure single node); skipped where no Docker engine exists. */
  @Nested
  class NestedTransaction extends NestedTransactionContract {
    @Override protected DatabaseTarget target() { return new CockroachTarget(DB); }
  }

  /** The pagination contract (offset pages with totals, keyset) on CockroachDB 24.1 (insecure single node); skipped where no Docker engine exists. */
  @Nested
  class Pagination extends PaginationContract {
    @Override protected DatabaseTarget target() { return new CockroachTarget(DB); }
  }

  @Nested
  class Observation extends ObservationContract {
    @Override protected DatabaseTarget target() { return new CockroachTarget(DB); }
  }

  @Nested
  class QueryCache extends QueryCacheContract {
    @Override protected DatabaseTarget target() { return new CockroachTarget(DB); }
  }

  /** The query-language contract on CockroachDB 24.1 (insecure single node); skipped where no Docker engine exists. */
  @Nested
  class QueryLanguage extends QueryLanguageContract {
    @Override protected DatabaseTarget target() { return new CockroachTarget(DB); }
  }

  /** The relations contract (windowed eager loading, nesting, many-to-many) on CockroachDB 24.1 (insecure single node); skipped where no Docker engine exists. */
  @Nested
  class Relations extends RelationsContract {
    @Override protected DatabaseTarget target() { return new CockroachTarget(DB); }
  }

  @Nested
  class RelationShapes extends RelationShapesContract {
    @Override protected DatabaseTarget target() { return new CockroachTarget(DB); }
  }

  /** The Spring transaction contract (Sluice inside Spring's R2dbcTransactionManager on the same pool) on CockroachDB 24.1 (insecure single node); skipped where no Docker engine exists. */
  @Nested
  class SpringTransaction extends SpringTransactionContract {
    @Override protected DatabaseTarget target() { return new CockroachTarget(DB); }
  }

  /** The streaming contract on CockroachDB 24.1 (insecure single node); skipped where no Docker engine exists. */
  @Nested
  class Streaming extends StreamingContract {
    @Override protected DatabaseTarget target() { return new CockroachTarget(DB); }
  }

  /** The transaction-API contract (Mono bodies, read-only, savepoints, manual transactions) on CockroachDB 24.1 (insecure single node); skipped where no Docker engine exists. */
  @Nested
  class TransactionApi extends TransactionApiContract {
    @Override protected DatabaseTarget target() { return new CockroachTarget(DB); }
  }

  /** The transaction contract on CockroachDB 24.1 (insecure single node); skipped where no Docker engine exists. */
  @Nested
  class Transaction extends TransactionContract {
    @Override protected DatabaseTarget target() { return new CockroachTarget(DB); }
  }

  /** The write contract (upserts, RETURNING from UPDATE and DELETE) on CockroachDB 24.1 (insecure single node); skipped where no Docker engine exists. */
  @Nested
  class Write extends WriteContract {
    @Override protected DatabaseTarget target() { return new CockroachTarget(DB); }
  }
}
