package dev.sluice.dialect.h2;

import dev.sluice.contract.AdvancedQueryContract;
import dev.sluice.contract.BadInputContract;
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
 * Every shared contract on H2, one {@code @Nested} class per contract (a contract with tests
 * of its own for this database has its own {@code *IT} class beside this one).
 */
class H2ContractsIT {
  @Nested
  class AdvancedQuery extends AdvancedQueryContract {
    @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
  }

  @Nested
  class BadInput extends BadInputContract {
    @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
  }

  @Nested
  class Compound extends CompoundContract {
    @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
  }

  @Nested
  class DdlLiteral extends DdlLiteralContract {
    @Override protected boolean storesNulInText() { return true; }

    @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
  }

  @Nested
  class Errors extends ErrorContract {
    @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
  }

  @Nested
  class ErrorTaxonomy extends ErrorTaxonomyContract {
    @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
  }

  @Excused(test = "cancellingInTheMiddleOfAThousandInsertsLeavesNothing",
      reason = "r2dbc-h2 runs H2 in process and synchronously: subscribe() returns only after all 1000"
          + " inserts ran on the subscribing thread, so there is no middle in which to cancel")
  @Excused(test = "concurrentSerializableIncrementsNeverLoseAnUpdate",
      reason = "H2's SERIALIZABLE does not ensure serializable execution of writing transactions (its"
          + " documentation says so): concurrent read-then-update increments overwrite each other"
          + " without a serialization failure")
  @Excused(test = "aTransactionTimeoutCancelsTheRunningStatement",
      reason = "r2dbc-h2 runs H2 in process on the subscribing thread and has no cancel request: the"
          + " timeout cannot fire, nor the statement be stopped, before the statement returns")
  @Excused(test = "aQueryTimeoutCancelsTheRunningStatement",
      reason = "r2dbc-h2 runs H2 in process on the subscribing thread and has no cancel request: the"
          + " timeout cannot fire, nor the statement be stopped, before the statement returns")
  @Nested
  class Fault extends FaultContract {
    @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }

    @Override protected String slowSql(int seconds) {
      return "SELECT COUNT(*) FROM SYSTEM_RANGE(1, " + seconds * 3_000_000L + ")";
    }
  }

  @Nested
  class Injection extends InjectionContract {
    @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
  }

  @Nested
  class NestedTransaction extends NestedTransactionContract {
    @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
  }

  @Nested
  class Pagination extends PaginationContract {
    @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
  }

  @Nested
  class Observation extends ObservationContract {
    @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
  }

  @Nested
  class QueryCache extends QueryCacheContract {
    @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
  }

  @Nested
  class SqlQueryCache extends SqlQueryCacheContract {
    @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
  }

  @Nested
  class QueryLanguage extends QueryLanguageContract {
    @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
  }

  @Nested
  class Relations extends RelationsContract {
    @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
  }

  @Nested
  class RelationShapes extends RelationShapesContract {
    @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
  }

  @Nested
  class SpringTransaction extends SpringTransactionContract {
    @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
  }

  @Nested
  class Streaming extends StreamingContract {
    @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
  }

  @Excused(test = "aReadOnlyTransactionRefusesWrites",
      reason = "H2 has no read-only transactions, only read-only databases (ACCESS_MODE_DATA=r):"
          + " r2dbc-h2 ignores TransactionDefinition.READ_ONLY, so the insert commits")
  @Nested
  class TransactionApi extends TransactionApiContract {
    @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
  }

  @Nested
  class Transaction extends TransactionContract {
    @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
  }

  @Nested
  class ValueFidelity extends ValueFidelityContract {
    @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
  }

  @Nested
  class Write extends WriteContract {
    @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
  }

  @Nested
  class ModelWrites extends ModelWritesContract {
    @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
  }

  @Nested
  class Timestamps extends TimestampsContract {
    @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
  }

  @Nested
  class SoftDelete extends SoftDeleteContract {
    @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
  }

  @Nested
  class OptimisticLock extends OptimisticLockContract {
    @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
  }

  @Nested
  class Hooks extends dev.sluice.contract.HooksContract {
    @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
  }

  @Nested
  class Validation extends dev.sluice.contract.ValidationContract {
    @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
  }

  @Nested
  class Naming extends dev.sluice.contract.NamingContract {
    @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
  }

  @Nested
  class Schemas extends dev.sluice.contract.SchemaContract {
    @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
  }

  @Nested
  class GeneratedColumns extends dev.sluice.contract.GeneratedColumnContract {
    @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
  }

  @Nested
  class Views extends dev.sluice.contract.ViewsContract {
    @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
  }

  @Nested
  class Json extends dev.sluice.contract.JsonContract {
    @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }
    @Override protected boolean pathsSupported() { return false; }

    @Override protected boolean containmentSupported() { return false; }

    /** H2's JSON type stores a normalised text ({"b":1E2,"a":1.50,"a":2}): numbers keep their digits, not their spelling. */
    @Override protected boolean keepsJsonTextVerbatim() { return false; }
  }
}
