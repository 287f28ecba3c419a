package dev.sluice.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;

/**
 * Every shared contract on PostgreSQL through r2dbc-vertx (Vert.x's reactive client) instead of
 * r2dbc-postgresql, one {@code @Nested} class per contract, as {@link PostgresContractsIT}, under
 * r2dbc-pool; {@link VertxOwnPoolContractsIT} runs the same classes on Vert.x's own pool.
 */
class VertxPostgresContractsIT {
  /** The database every nested contract runs on. */
  DatabaseTarget vertx() { return VertxPostgresTarget.INSTANCE; }

  /** The name of {@link #vertx()}'s database. */
  String databaseName() { return VertxPostgresTarget.DATABASE; }

  /** Whether the contracts run on the driver's own pool (Sluice {@code pooled(false)}) rather than r2dbc-pool. */
  boolean ownPool() { return false; }

  /** That the nested contracts (inherited by a subclass) run on this class's database and pool. */
  @Nested
  class Setup extends dev.sluice.contract.ContractBase {
    @Override protected DatabaseTarget target() { return vertx(); }

    @Test
    void runsOnThisClassesDatabaseAndPool() throws InterruptedException {
      String database = reactor.core.publisher.Flux.usingWhen(pool.create(),
              c -> reactor.core.publisher.Flux.from(c.createStatement("SELECT current_database()").execute())
                  .flatMap(r -> r.map((row, md) -> row.get(0, String.class))),
              io.r2dbc.spi.Connection::close)
          .blockLast(java.time.Duration.ofSeconds(60));
      assertThat(database).isEqualTo(databaseName());
      assertThat(poolUnderTest.own()).isEqualTo(ownPool());
      assertThat(pool instanceof io.r2dbc.pool.ConnectionPool).as("an r2dbc-pool around the driver").isEqualTo(!ownPool());
      assertThat(acquiredConnectionsAfterSettling()).isZero();
    }
  }

  @Nested
  class AdvancedQuery extends AdvancedQueryContract {
    @Override protected DatabaseTarget target() { return vertx(); }
  }

  @Nested
  class BadInput extends BadInputContract {
    @Override protected DatabaseTarget target() { return vertx(); }
  }

  @Nested
  class Compound extends CompoundContract {
    @Override protected DatabaseTarget target() { return vertx(); }
  }

  @Nested
  class Crud extends CrudContract {
    @Override protected DatabaseTarget target() { return vertx(); }
  }

  @Nested
  class DdlLiteral extends DdlLiteralContract {
    @Override protected List<String> otherStringMode() {
      return List.of("SET standard_conforming_strings = off", "RESET standard_conforming_strings");
    }

    @Override protected DatabaseTarget target() { return vertx(); }
  }

  @Nested
  class Errors extends ErrorContract {
    @Override protected DatabaseTarget target() { return vertx(); }
  }

  @Nested
  class ErrorTaxonomy extends ErrorTaxonomyContract {
    @Override protected DatabaseTarget target() { return vertx(); }
  }

  @Nested
  class Injection extends InjectionContract {
    @Override protected DatabaseTarget target() { return vertx(); }

    /** PostgreSQL text cannot hold NUL (0x00): a typed DataException, nothing written. */
    @Override protected boolean storesNul() { return false; }
  }

  @Nested
  class NestedTransaction extends NestedTransactionContract {
    @Override protected DatabaseTarget target() { return vertx(); }
  }

  @Nested
  class Pagination extends PaginationContract {
    @Override protected DatabaseTarget target() { return vertx(); }
  }

  @Nested
  class Observation extends ObservationContract {
    @Override protected DatabaseTarget target() { return vertx(); }
  }

  @Nested
  class QueryCache extends QueryCacheContract {
    @Override protected DatabaseTarget target() { return vertx(); }
  }

  @Nested
  class QueryLanguage extends QueryLanguageContract {
    @Override protected DatabaseTarget target() { return vertx(); }
  }

  @Nested
  class Reconnect extends ReconnectContract {
    @Override protected DatabaseTarget target() { return vertx(); }

    @Override protected String sessionIdSql() { return "CAST(pg_backend_pid() AS BIGINT)"; }

    @Override protected void terminate(long id) {
      AdminQuery.sum(vertx().connectionFactory(),
          "SELECT count(*) FROM (SELECT pg_terminate_backend($1)) t", (int) id);
    }

    @Override protected boolean sessionExists(long id) {
      return AdminQuery.sum(vertx().connectionFactory(),
          "SELECT count(*) FROM pg_stat_activity WHERE pid = $1", (int) id) > 0;
    }
  }

  @Nested
  class Relations extends RelationsContract {
    @Override protected DatabaseTarget target() { return vertx(); }
  }

  @Nested
  class SpringTransaction extends SpringTransactionContract {
    @Override protected DatabaseTarget target() { return vertx(); }
  }

  @Nested
  class Streaming extends StreamingContract {
    @Override protected DatabaseTarget target() { return vertx(); }
  }

  @Nested
  class TransactionApi extends TransactionApiContract {
    @Override protected DatabaseTarget target() { return vertx(); }
  }

  @Nested
  class Transaction extends TransactionContract {
    @Override protected DatabaseTarget target() { return vertx(); }
  }

  @Nested
  class ValueFidelity extends ValueFidelityContract {
    @Override protected DatabaseTarget target() { return vertx(); }
  }

  @Nested
  class Write extends WriteContract {
    @Override protected DatabaseTarget target() { return vertx(); }
  }

  @Nested
  class ModelWrites extends ModelWritesContract {
    @Override protected DatabaseTarget target() { return vertx(); }
  }

  @Nested
  class Timestamps extends TimestampsContract {
    @Override protected DatabaseTarget target() { return vertx(); }
  }

  @Nested
  class SoftDelete extends SoftDeleteContract {
    @Override protected DatabaseTarget target() { return vertx(); }
  }

  @Nested
  class OptimisticLock extends OptimisticLockContract {
    @Override protected DatabaseTarget target() { return vertx(); }
  }

  @Nested
  class Hooks extends dev.sluice.contract.HooksContract {
    @Override protected DatabaseTarget target() { return vertx(); }
  }

  @Nested
  class Validation extends dev.sluice.contract.ValidationContract {
    @Override protected DatabaseTarget target() { return vertx(); }
  }

  @Nested
  class Naming extends dev.sluice.contract.NamingContract {
    @Override protected DatabaseTarget target() { return vertx(); }
  }

  @Nested
  class Views extends dev.sluice.contract.ViewsContract {
    @Override protected DatabaseTarget target() { return vertx(); }
  }

  @Nested
  class Json extends dev.sluice.contract.JsonContract {
    @Override protected DatabaseTarget target() { return vertx(); }
    // PostgreSQL's own cast fails with a DataException naming the value (invalid input syntax for type bigint: "1.5")
    @Override protected boolean mismatchNamesPath() { return false; }
  }

  @Nested
  class RelationShapes extends dev.sluice.contract.RelationShapesContract {
    @Override protected DatabaseTarget target() { return vertx(); }
  }

  @Nested
  class SqlQueryCache extends dev.sluice.contract.SqlQueryCacheContract {
    @Override protected DatabaseTarget target() { return vertx(); }
  }

  @Nested
  class Schemas extends dev.sluice.contract.SchemaContract {
    @Override protected DatabaseTarget target() { return vertx(); }
  }

  @Nested
  class GeneratedColumns extends dev.sluice.contract.GeneratedColumnContract {
    @Override protected DatabaseTarget target() { return vertx(); }
    @Override protected boolean hasVirtualColumns() { return false; }
  }
}
