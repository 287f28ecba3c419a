package dev.sluice.examples.readme;

import static dev.sluice.query.Dsl.eq;
import static dev.sluice.testing.Schema.CITIES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.dialect.postgres.PostgresDialect;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The README's streaming claims about {@code fetchOne()} and {@code fetchFirst()}: a bound row limit
 * unless the query has one, the database-wide fetch size (a PostgreSQL cursor) not applied, a fetch
 * size set on the query itself applied. Checked on a recording driver, which sees what PostgreSQL
 * would be sent.
 */
class FetchOneClaimTest {
  private static final Duration T = Duration.ofSeconds(10);

  /** What the driver was asked: each statement's SQL and, if set, its fetch size. */
  private final List<String> sent = new CopyOnWriteArrayList<>();

  private final Database db = Database.builder().connectionFactory(recording()).dialect(new PostgresDialect())
      .pooled(false).fetchSize(100).build();

  @Test
  void fetchOneAndFetchFirstAddABoundLimitAndSkipTheDatabaseWideFetchSize() {
    db.selectFrom(CITIES).where(eq(CITIES.id, 42)).fetchOne().block(T);
    db.selectFrom(CITIES).fetchFirst().block(T);
    db.selectFrom(CITIES).limit(5).fetchOne().block(T);
    assertThat(sent).containsExactly(
        "SELECT \"id\", \"name\", \"country_id\", \"popularity\" FROM \"cities\" WHERE \"id\" = $1 LIMIT $2",
        "SELECT \"id\", \"name\", \"country_id\", \"popularity\" FROM \"cities\" LIMIT $1",
        "SELECT \"id\", \"name\", \"country_id\", \"popularity\" FROM \"cities\" LIMIT $1");
  }

  @Test
  void aStreamGetsTheDatabaseWideFetchSizeAndAQuerysOwnFetchSizeStillApplies() {
    db.selectFrom(CITIES).fetch().blockLast(T);
    db.selectFrom(CITIES).fetchSize(7).fetchOne().block(T);
    assertThat(sent).containsExactly(
        "SELECT \"id\", \"name\", \"country_id\", \"popularity\" FROM \"cities\" [fetchSize 100]",
        "SELECT \"id\", \"name\", \"country_id\", \"popularity\" FROM \"cities\" LIMIT $1 [fetchSize 7]");
  }

  /** A driver whose statements return no rows and record their SQL and fetch size. */
  private ConnectionFactory recording() {
    return new ConnectionFactory() {
      @Override public Publisher<? extends Connection> create() {
        return Mono.just(connection());
      }

      @Override public ConnectionFactoryMetadata getMetadata() { return () -> "PostgreSQL"; }
    };
  }

  private Connection connection() {
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "createStatement" -> statement((String) args[0]);
          case "close" -> Mono.empty();
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  private Statement statement(String sql) {
    int[] fetchSize = {0};
    return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "fetchSize" -> {
            fetchSize[0] = (Integer) args[0];
            yield proxy;
          }
          case "execute" -> {
            sent.add(sql + (fetchSize[0] > 0 ? " [fetchSize " + fetchSize[0] + "]" : ""));
            yield Flux.just(empty());
          }
          case "bind", "bindNull", "add", "returnGeneratedValues" -> proxy;
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  private Result empty() {
    return (Result) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Result.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "map" -> Flux.empty();
          case "getRowsUpdated" -> Mono.just(0L);
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }
}
