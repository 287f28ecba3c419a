package dev.sluice.dialect.postgres;

import dev.sluice.contract.AdvancedQueryContract;
import dev.sluice.contract.BadInputContract;
import dev.sluice.contract.CompoundContract;
import dev.sluice.contract.CrudContract;
import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.ModelWritesContract;
import dev.sluice.contract.OptimisticLockContract;
import dev.sluice.contract.SoftDeleteContract;
import dev.sluice.contract.TimestampsContract;
import dev.sluice.contract.DdlLiteralContract;
import dev.sluice.contract.ErrorContract;
import dev.sluice.contract.ErrorTaxonomyContract;
import dev.sluice.contract.InjectionContract;
import dev.sluice.contract.NestedTransactionContract;
import dev.sluice.contract.ObservationContract;
import dev.sluice.contract.PaginationContract;
import dev.sluice.contract.QueryCacheContract;
import dev.sluice.contract.QueryLanguageContract;
import dev.sluice.contract.ReconnectContract;
import dev.sluice.contract.RelationsContract;
import dev.sluice.contract.SpringTransactionContract;
import dev.sluice.contract.StreamingContract;
import dev.sluice.contract.TransactionApiContract;
import dev.sluice.contract.TransactionContract;
import dev.sluice.contract.ValueFidelityContract;
import dev.sluice.contract.WriteContract;
import dev.sluice.dialect.AdminQuery;
import java.util.List;
import org.junit.jupiter.api.Nested;

/**
 * Every shared contract on PostgreSQL through r2dbc-vertx (Vert.x's reactive client) instead of
 * r2dbc-postgresql, one {@code @Nested} class per contract, as {@link PostgresContractsIT}.
 */
class VertxPostgresContractsIT {
  @Nested
  class AdvancedQuery extends AdvancedQueryContract {
    @Override protected DatabaseTarget target() { return VertxPostgresTarget.INSTANCE; }
  }

  @Nested
  class BadInput extends BadInputContract {
    @Override protected DatabaseTarget target() { return VertxPostgresTarget.INSTANCE; }
  }

  @Nested
  class Compound extends CompoundContract {
    @Override protected DatabaseTarget target() { return VertxPostgresTarget.INSTANCE; }
  }

  @Nested
  class Crud extends CrudContract {
    @Override protected DatabaseTarget target() { return VertxPostgresTarget.INSTANCE; }
  }

  @Nested
  class DdlLiteral extends DdlLiteralContract {
    @Override protected List<String> otherStringMode() {
      return List.of("SET standard_conforming_strings = off", "RESET standard_conforming_strings");
    }

    @Override protected DatabaseTarget target() { return VertxPostgresTarget.INSTANCE; }
  }

  @Nested
  class Errors extends ErrorContract {
    @Override protected DatabaseTarget target() { return VertxPostgresTarget.INSTANCE; }
  }

  @Nested
  class ErrorTaxonomy extends ErrorTaxonomyContract {
    @Override protected DatabaseTarget target() { return VertxPostgresTarget.INSTANCE; }
  }

  @Nested
  class Injection extends InjectionContract {
    @Override protected DatabaseTarget target() { return VertxPostgresTarget.INSTANCE; }

    /** PostgreSQL text cannot hold NUL (0x00): a typed DataException, nothing written. */
    @Override protected boolean storesNul() { return false; }
  }

  @Nested
  class NestedTransaction extends NestedTransactionContract {
    @Override protected DatabaseTarget target() { return VertxPostgresTarget.INSTANCE; }
  }

  @Nested
  class Pagination extends PaginationContract {
    @Override protected DatabaseTarget target() { return VertxPostgresTarget.INSTANCE; }
  }

  @Nested
  class Observation extends ObservationContract {
    @Override protected DatabaseTarget target() { return VertxPostgresTarget.INSTANCE; }
  }

  @Nested
  class QueryCache extends QueryCacheContract {
    @Override protected DatabaseTarget target() { return VertxPostgresTarget.INSTANCE; }
  }

  @Nested
  class QueryLanguage extends QueryLanguageContract {
    @Override protected DatabaseTarget target() { return VertxPostgresTarget.INSTANCE; }
  }

  @Nested
  class Reconnect extends ReconnectContract {
    @Override protected DatabaseTarget target() { return VertxPostgresTarget.INSTANCE; }

    @Override protected String sessionIdSql() { return "CAST(pg_backend_pid() AS BIGINT)"; }

    @Override protected void terminate(long id) {
      AdminQuery.sum(VertxPostgresTarget.INSTANCE.connectionFactory(),
          "SELECT count(*) FROM (SELECT pg_terminate_backend($1)) t", (int) id);
    }

    @Override protected boolean sessionExists(long id) {
      return AdminQuery.sum(VertxPostgresTarget.INSTANCE.connectionFactory(),
          "SELECT count(*) FROM pg_stat_activity WHERE pid = $1", (int) id) > 0;
    }
  }

  @Nested
  class Relations extends RelationsContract {
    @Override protected DatabaseTarget target() { return VertxPostgresTarget.INSTANCE; }
  }

  @Nested
  class SpringTransaction extends SpringTransactionContract {
    @Override protected DatabaseTarget target() { return VertxPostgresTarget.INSTANCE; }
  }

  @Nested
  class Streaming extends StreamingContract {
    @Override protected DatabaseTarget target() { return VertxPostgresTarget.INSTANCE; }
  }

  @Nested
  class TransactionApi extends TransactionApiContract {
    @Override protected DatabaseTarget target() { return VertxPostgresTarget.INSTANCE; }
  }

  @Nested
  class Transaction extends TransactionContract {
    @Override protected DatabaseTarget target() { return VertxPostgresTarget.INSTANCE; }
  }

  @Nested
  class ValueFidelity extends ValueFidelityContract {
    @Override protected DatabaseTarget target() { return VertxPostgresTarget.INSTANCE; }
  }

  @Nested
  class Write extends WriteContract {
    @Override protected DatabaseTarget target() { return VertxPostgresTarget.INSTANCE; }
  }

  @Nested
  class ModelWrites extends ModelWritesContract {
    @Override protected DatabaseTarget target() { return VertxPostgresTarget.INSTANCE; }
  }

  @Nested
  class Timestamps extends TimestampsContract {
    @Override protected DatabaseTarget target() { return VertxPostgresTarget.INSTANCE; }
  }

  @Nested
  class SoftDelete extends SoftDeleteContract {
    @Override protected DatabaseTarget target() { return VertxPostgresTarget.INSTANCE; }
  }

  @Nested
  class OptimisticLock extends OptimisticLockContract {
    @Override protected DatabaseTarget target() { return VertxPostgresTarget.INSTANCE; }
  }

  @Nested
  class Hooks extends dev.sluice.contract.HooksContract {
    @Override protected DatabaseTarget target() { return VertxPostgresTarget.INSTANCE; }
  }

  @Nested
  class Validation extends dev.sluice.contract.ValidationContract {
    @Override protected DatabaseTarget target() { return VertxPostgresTarget.INSTANCE; }
  }

  @Nested
  class Naming extends dev.sluice.contract.NamingContract {
    @Override protected DatabaseTarget target() { return VertxPostgresTarget.INSTANCE; }
  }

  @Nested
  class Views extends dev.sluice.contract.ViewsContract {
    @Override protected DatabaseTarget target() { return VertxPostgresTarget.INSTANCE; }
  }

  @Nested
  class Json extends dev.sluice.contract.JsonContract {
    @Override protected DatabaseTarget target() { return VertxPostgresTarget.INSTANCE; }
    // PostgreSQL's own cast fails with a DataException naming the value (invalid input syntax for type bigint: "1.5")
    @Override protected boolean mismatchNamesPath() { return false; }
  }

  @Nested
  class RelationShapes extends dev.sluice.contract.RelationShapesContract {
    @Override protected DatabaseTarget target() { return VertxPostgresTarget.INSTANCE; }
  }

  @Nested
  class SqlQueryCache extends dev.sluice.contract.SqlQueryCacheContract {
    @Override protected DatabaseTarget target() { return VertxPostgresTarget.INSTANCE; }
  }

  @Nested
  class Schemas extends dev.sluice.contract.SchemaContract {
    @Override protected DatabaseTarget target() { return VertxPostgresTarget.INSTANCE; }
  }

  @Nested
  class GeneratedColumns extends dev.sluice.contract.GeneratedColumnContract {
    @Override protected DatabaseTarget target() { return VertxPostgresTarget.INSTANCE; }
    @Override protected boolean hasVirtualColumns() { return false; }
  }
}
