package dev.sluice.dialect.sqlite;

import dev.sluice.contract.AdvancedQueryContract;
import dev.sluice.contract.CompoundContract;
import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.ModelWritesContract;
import dev.sluice.contract.OptimisticLockContract;
import dev.sluice.contract.SoftDeleteContract;
import dev.sluice.contract.TimestampsContract;
import dev.sluice.contract.DdlLiteralContract;
import dev.sluice.contract.ErrorContract;
import dev.sluice.contract.ErrorTaxonomyContract;
import dev.sluice.contract.FaultContract;
import dev.sluice.contract.InjectionContract;
import dev.sluice.contract.NestedTransactionContract;
import dev.sluice.contract.ObservationContract;
import dev.sluice.contract.PaginationContract;
import dev.sluice.contract.QueryCacheContract;
import dev.sluice.contract.SqlQueryCacheContract;
import dev.sluice.contract.QueryLanguageContract;
import dev.sluice.contract.RelationShapesContract;
import dev.sluice.contract.RelationsContract;
import dev.sluice.contract.SpringTransactionContract;
import dev.sluice.contract.StreamingContract;
import dev.sluice.contract.TransactionApiContract;
import dev.sluice.contract.TransactionContract;
import dev.sluice.contract.ValueFidelityContract;
import dev.sluice.contract.WriteContract;
import dev.sluice.dialect.Excused;
import org.junit.jupiter.api.Nested;

/**
 * Every shared contract on SQLite, one {@code @Nested} class per contract (a contract with tests
 * of its own for this database has its own {@code *IT} class beside this one).
 */
class SqliteContractsIT {
  @Nested
  class AdvancedQuery extends AdvancedQueryContract {
    @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
  }

  @Nested
  class Compound extends CompoundContract {
    @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
  }

  @Nested
  class DdlLiteral extends DdlLiteralContract {
    @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
  }

  @Nested
  class Errors extends ErrorContract {
    @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
  }

  @Excused(test = "aLockedRowIsLockNotAvailableForNoWait",
      reason = "SQLite has no row locks: FOR UPDATE NOWAIT is refused at render time (UnsupportedByDialectException)")
  @Nested
  class ErrorTaxonomy extends ErrorTaxonomyContract {
    @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
  }

  @Nested
  class Fault extends FaultContract {
    @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }

    /** SQLite has no sleep: a recursive count that runs several seconds on this machine. */
    @Override protected String slowSql(int seconds) {
      return "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < " + seconds * 2_000_000L
          + ") SELECT count(*) FROM c";
    }
  }

  @Nested
  class Injection extends InjectionContract {
    @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
  }

  @Nested
  class NestedTransaction extends NestedTransactionContract {
    @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
  }

  @Nested
  class Pagination extends PaginationContract {
    @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
  }

  @Nested
  class Observation extends ObservationContract {
    @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
  }

  @Nested
  class QueryCache extends QueryCacheContract {
    @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
  }

  @Nested
  class SqlQueryCache extends SqlQueryCacheContract {
    @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
  }

  @Nested
  class QueryLanguage extends QueryLanguageContract {
    @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
  }

  @Nested
  class Relations extends RelationsContract {
    @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
  }

  @Nested
  class RelationShapes extends RelationShapesContract {
    @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
  }

  @Nested
  class SpringTransaction extends SpringTransactionContract {
    @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
  }

  @Nested
  class Streaming extends StreamingContract {
    @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
  }

  @Nested
  class TransactionApi extends TransactionApiContract {
    @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
  }

  @Nested
  class Transaction extends TransactionContract {
    @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
  }

  @Nested
  class ValueFidelity extends ValueFidelityContract {
    @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
  }

  @Nested
  class Write extends WriteContract {
    @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
  }

  @Nested
  class ModelWrites extends ModelWritesContract {
    @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
  }

  @Nested
  class Timestamps extends TimestampsContract {
    @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
  }

  @Nested
  class SoftDelete extends SoftDeleteContract {
    @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
  }

  @Nested
  class OptimisticLock extends OptimisticLockContract {
    @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
  }

  @Nested
  class Hooks extends dev.sluice.contract.HooksContract {
    @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
  }

  @Nested
  class Validation extends dev.sluice.contract.ValidationContract {
    @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
  }

  @Nested
  class Naming extends dev.sluice.contract.NamingContract {
    @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
  }

  @Nested
  class Schemas extends dev.sluice.contract.SchemaContract {
    @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
    @Override protected boolean hasSchemas() { return false; }
  }

  @Nested
  class GeneratedColumns extends dev.sluice.contract.GeneratedColumnContract {
    @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
  }

  @Nested
  class Views extends dev.sluice.contract.ViewsContract {
    @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
  }

  @Nested
  class Json extends dev.sluice.contract.JsonContract {
    @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }
    @Override protected boolean containmentSupported() { return false; }
  }
}
