package dev.sluice.dialect.mariadb;

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
import dev.sluice.contract.ReconnectContract;
import dev.sluice.contract.RelationShapesContract;
import dev.sluice.contract.RelationsContract;
import dev.sluice.contract.SpringTransactionContract;
import dev.sluice.contract.StreamingContract;
import dev.sluice.contract.TransactionApiContract;
import dev.sluice.contract.TransactionContract;
import dev.sluice.contract.ValueFidelityContract;
import dev.sluice.contract.WriteContract;
import dev.sluice.dialect.AdminQuery;
import dev.sluice.dialect.Excused;
import java.util.List;
import org.junit.jupiter.api.Nested;

/**
 * Every shared contract on MariaDB, one {@code @Nested} class per contract (a contract with tests
 * of its own for this database has its own {@code *IT} class beside this one).
 */
class MariaDbContractsIT {
  @Nested
  class AdvancedQuery extends AdvancedQueryContract {
    @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
  }

  @Nested
  class BadInput extends BadInputContract {
    @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
  }

  @Nested
  class Compound extends CompoundContract {
    @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
  }

  @Nested
  class DdlLiteral extends DdlLiteralContract {
    @Override protected boolean storesNulInText() { return true; }

    @Override protected List<String> otherStringMode() {
      return List.of("SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')",
          "SET SESSION sql_mode = REPLACE(@@sql_mode, 'NO_BACKSLASH_ESCAPES', '')");
    }

    @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
  }

  @Nested
  class Errors extends ErrorContract {
    @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
  }

  @Nested
  class ErrorTaxonomy extends ErrorTaxonomyContract {
    @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
  }

  @Nested
  class Fault extends FaultContract {
    @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }

    @Override protected String slowSql(int seconds) { return "SELECT SLEEP(" + seconds + ")"; }
  }

  /**
   * The injection contract on MariaDB. Its default collation (utf8mb4_general_ci) is PAD SPACE: = and
   * IN ignore trailing spaces, so {@code eq("''")} also finds {@code "'' "}. The dialect keeps the
   * columns' collation (only LIKE compares under utf8mb4_bin), so the equality checks expect those
   * matches too; every value still round-trips exactly.
   */
  @Nested
  class Injection extends InjectionContract {
    @Override protected String equalityKey(String value) { return value.replaceAll(" +\\z", ""); }

    @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
  }

  @Nested
  class NestedTransaction extends NestedTransactionContract {
    @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
  }

  @Nested
  class Pagination extends PaginationContract {
    @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
  }

  @Nested
  class Observation extends ObservationContract {
    @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
  }

  @Nested
  class QueryCache extends QueryCacheContract {
    @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
  }

  @Nested
  class SqlQueryCache extends SqlQueryCacheContract {
    @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
  }

  @Nested
  class QueryLanguage extends QueryLanguageContract {
    @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
  }

  @Nested
  class Reconnect extends ReconnectContract {
    @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }

    @Override protected String sessionIdSql() { return "CAST(CONNECTION_ID() AS SIGNED)"; }

    @Override protected void terminate(long id) {
      AdminQuery.sum(MariaDbTarget.INSTANCE.connectionFactory(), "KILL CONNECTION " + id);
    }

    @Override protected boolean sessionExists(long id) {
      return AdminQuery.sum(MariaDbTarget.INSTANCE.connectionFactory(),
          "SELECT count(*) FROM information_schema.PROCESSLIST WHERE ID = ?", id) > 0;
    }
  }

  @Nested
  class Relations extends RelationsContract {
    @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
  }

  @Nested
  class RelationShapes extends RelationShapesContract {
    @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
  }

  @Nested
  class SpringTransaction extends SpringTransactionContract {
    @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
  }

  @Nested
  class Streaming extends StreamingContract {
    @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
  }

  @Nested
  class TransactionApi extends TransactionApiContract {
    @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
  }

  @Nested
  class Transaction extends TransactionContract {
    @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
  }

  @Nested
  class ValueFidelity extends ValueFidelityContract {
    @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
  }

  @Excused(test = "updateAndDeleteCanReturnTheRowsTheyChanged",
      reason = "MariaDB has DELETE ... RETURNING but no UPDATE ... RETURNING (a syntax error on 10.11); "
          + "the dialect rejects it with UnsupportedByDialectException, see MariaDbCrudIT")
  @Nested
  class Write extends WriteContract {
    @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
  }

  @Nested
  class ModelWrites extends ModelWritesContract {
    @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
  }

  @Nested
  class Timestamps extends TimestampsContract {
    @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
  }

  @Nested
  class SoftDelete extends SoftDeleteContract {
    @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
  }

  @Nested
  class OptimisticLock extends OptimisticLockContract {
    @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
  }

  @Nested
  class Hooks extends dev.sluice.contract.HooksContract {
    @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
  }

  @Nested
  class Validation extends dev.sluice.contract.ValidationContract {
    @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
  }

  @Nested
  class Naming extends dev.sluice.contract.NamingContract {
    @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
  }

  @Nested
  class Schemas extends dev.sluice.contract.SchemaContract {
    @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
    @Override protected String dropSchema(String name) { return "DROP DATABASE IF EXISTS `" + name + "`"; }
  }

  @Nested
  class GeneratedColumns extends dev.sluice.contract.GeneratedColumnContract {
    @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
  }

  @Nested
  class Views extends dev.sluice.contract.ViewsContract {
    @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
  }

  @Nested
  class Json extends dev.sluice.contract.JsonContract {
    @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }
  }
}
