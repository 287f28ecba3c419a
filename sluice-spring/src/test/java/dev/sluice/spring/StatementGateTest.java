package dev.sluice.spring;

import static dev.sluice.testing.Schema.COUNTRIES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.spi.StandardDialect;
import dev.sluice.testing.Country;
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
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Spring's real transaction manager over a connection that logs what reaches it, and whose
 * statements answer only when the test says so: Spring's ROLLBACK must come after a Sluice
 * statement that was already on its way when the transaction was cancelled. Before the gate, the
 * ROLLBACK overtook it and, on a real database, the INSERT then ran in auto-commit.
 */
class StatementGateTest {
  private static final Duration T = Duration.ofSeconds(5);
  private static final String INSERT = "INSERT INTO \"countries\" (\"name\") VALUES (?)";

  private final List<String> log = new CopyOnWriteArrayList<>();
  private volatile Mono<Void> answer = Mono.empty();
  private final ConnectionFactory factory = stubFactory();
  private final TransactionalOperator spring = TransactionalOperator.create(new R2dbcTransactionManager(factory));
  private final Database db = Database.builder().connectionFactory(factory).dialect(new StandardDialect())
      .pooled(false).build();

  @Test
  void springsRollbackOnCancelWaitsForTheSluiceInsertOnItsWay() {
    Sinks.Empty<Void> driver = Sinks.empty();
    answer = driver.asMono();
    Disposable running = spring.transactional(db.insertInto(COUNTRIES).values(new Country(null, "A")).execute())
        .subscribe();
    assertThat(log).containsExactly("beginTransaction", INSERT);
    running.dispose();
    assertThat(log).as("no ROLLBACK while the INSERT is on its way").containsExactly("beginTransaction", INSERT);
    driver.tryEmitEmpty();
    assertThat(log).containsExactly("beginTransaction", INSERT, "answered", "rollbackTransaction", "close");
  }

  @Test
  void springsCommitFollowsTheSluiceStatements() {
    List<Long> rows = spring.execute(status -> db.insertInto(COUNTRIES).values(new Country(null, "A")).execute()
            .concatWith(db.insertInto(COUNTRIES).values(new Country(null, "B")).execute()))
        .collectList().block(T);
    assertThat(rows).containsExactly(1L, 1L);
    assertThat(log).containsExactly("beginTransaction", INSERT, "answered", INSERT, "answered",
        "commitTransaction", "close");
  }

  @Test
  void aSecondTransactionInTheSameChainGetsAGateOfItsOwn() {
    spring.transactional(db.insertInto(COUNTRIES).values(new Country(null, "A")).execute()).block(T);
    spring.transactional(db.insertInto(COUNTRIES).values(new Country(null, "B")).execute()).block(T);
    assertThat(log).containsExactly("beginTransaction", INSERT, "answered", "commitTransaction", "close",
        "beginTransaction", INSERT, "answered", "commitTransaction", "close");
  }

  @Test
  void aStatementArrivingAfterSpringsTransactionEndedIsRefusedNotRunInAutoCommit() {
    java.util.concurrent.atomic.AtomicReference<reactor.util.context.ContextView> inside =
        new java.util.concurrent.atomic.AtomicReference<>();
    spring.execute(status -> Mono.deferContextual(ctx -> {
      inside.set(ctx);
      return db.insertInto(COUNTRIES).values(new Country(null, "A")).execute();
    })).blockLast(T);
    log.clear();
    // a statement of the finished transaction's body that is only now subscribed (a cancel racing it)
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> db.insertInto(COUNTRIES).values(new Country(null, "late"))
            .execute().contextWrite(inside.get()).block(T))
        .isInstanceOf(dev.sluice.error.IllegalUseException.class)
        .hasMessageContaining("has ended").hasMessageContaining("the statement was not run");
    assertThat(log).as("nothing reached a connection").isEmpty();
  }

  private ConnectionFactory stubFactory() {
    Connection connection = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
          case "createStatement" -> statement((String) args[0]);
          case "isAutoCommit" -> true;
          case "getTransactionIsolationLevel" -> io.r2dbc.spi.IsolationLevel.READ_COMMITTED;
          case "validate" -> Mono.just(true);
          case "toString" -> "stub";
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> Mono.fromRunnable(() -> log.add(method.getName()));
        });
    return new ConnectionFactory() {
      @Override public Publisher<? extends Connection> create() {
        return Mono.just(connection);
      }

      @Override public ConnectionFactoryMetadata getMetadata() {
        return () -> "stub";
      }
    };
  }

  /** A statement that updates one row, answering once {@link #answer} completes. */
  private Statement statement(String sql) {
    Result result = (Result) Proxy.newProxyInstance(Result.class.getClassLoader(), new Class<?>[] {Result.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "getRowsUpdated" -> Mono.just(1L);
          case "filter" -> proxy;
          default -> Flux.empty();
        });
    return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class},
        (proxy, method, args) -> {
          if (!method.getName().equals("execute")) {
            return proxy;
          }
          log.add(sql);
          return Flux.just(result).delaySubscription(answer).doOnComplete(() -> log.add("answered"));
        });
  }
}
