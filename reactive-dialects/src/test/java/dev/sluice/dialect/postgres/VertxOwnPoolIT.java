package dev.sluice.dialect.postgres;

import static dev.sluice.query.Dsl.eq;
import static dev.sluice.testing.Schema.COUNTRIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.contract.RunDatabases;
import dev.sluice.spi.Dialects;
import dev.sluice.testing.Country;
import io.r2dbc.spi.Closeable;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sluice with {@code pooled(false)} on r2dbc-vertx connections pooled by Vert.x's own pool
 * ({@code ?poolSize=2}), as the benchmarks' {@code sluiceVertxPool} runs: reads, writes,
 * transactions that commit and roll back, and hundreds of cancelled streams that leave the pool
 * with its two connections, none lost and none in a transaction.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VertxOwnPoolIT {
  private static final Duration T = Duration.ofSeconds(60);
  private static final String DATABASE = RunDatabases.name("sluice_vxpool");

  private ConnectionFactory factory;
  private Database db;

  @BeforeAll
  void open() {
    PostgresTarget.INSTANCE.requireReachable();
    RunDatabases.recreate(PostgresTarget.ADMIN_URL, DATABASE, " WITH (FORCE)");
    RunDatabases.dropOnExit(PostgresTarget.ADMIN_URL, DATABASE, " WITH (FORCE)");
    factory = Dialects.connect(
        "r2dbc:vertx-postgresql://postgres@127.0.0.1:5432/" + DATABASE + "?poolSize=2");
    db = Database.builder().connectionFactory(factory).pooled(false).fetchSize(100).build();
    db.createTables(COUNTRIES).block(T);
    db.insertInto(COUNTRIES).values(IntStream.rangeClosed(1, 2_000)
        .mapToObj(i -> new Country(null, "country " + i)).toList()).execute().block(T);
  }

  @AfterAll
  void close() {
    db.close().block(T);
    Mono.from(((Closeable) factory).close()).block(T);
  }

  /** Server sessions on this test's database, counted from another database. */
  private long backends() {
    return Flux.usingWhen(Dialects.connect("r2dbc:postgresql://postgres@127.0.0.1:5432/postgres").create(),
            c -> Flux.from(c.createStatement("SELECT count(*) FROM pg_stat_activity WHERE datname = $1")
                    .bind(0, DATABASE).execute())
                .flatMap(r -> r.map((row, md) -> row.get(0, Long.class))),
            io.r2dbc.spi.Connection::close)
        .blockLast(T);
  }

  @Test
  void readsWritesAndTransactionsRunOnBorrowedConnections() {
    assertThat(db.selectFrom(COUNTRIES).where(eq(COUNTRIES.id, 7)).fetchOne().block(T))
        .isEqualTo(new Country(7, "country 7"));
    assertThatThrownBy(() -> db.inTransaction(tx -> tx.insertInto(COUNTRIES).values(new Country(null, "gone"))
            .execute().then(Mono.error(new IllegalStateException("roll back")))).blockLast(T))
        .hasMessageContaining("roll back");
    assertThat(db.selectFrom(COUNTRIES).where(eq(COUNTRIES.name, "gone")).exists().block(T)).isFalse();
    db.inTransaction(tx -> tx.insertInto(COUNTRIES).values(new Country(null, "kept")).execute()).blockLast(T);
    assertThat(db.selectFrom(COUNTRIES).where(eq(COUNTRIES.name, "kept")).exists().block(T)).isTrue();
    db.deleteFrom(COUNTRIES).where(eq(COUNTRIES.name, "kept")).execute().block(T);
  }

  @Test
  void cancelledStreamsGiveTheirConnectionsBack() {
    for (int i = 0; i < 300; i++) {
      List<Country> first = db.selectFrom(COUNTRIES).fetch().take(2).collectList().block(T);
      assertThat(first).hasSize(2);
    }
    // 200 lookups at once on a pool of two: every borrowed connection came back
    List<Country> all = Flux.range(1, 200)
        .flatMap(id -> db.selectFrom(COUNTRIES).where(eq(COUNTRIES.id, id)).fetchOne(), 200)
        .collectList().block(T);
    assertThat(all).hasSize(200);
    assertThat(db.selectFrom(COUNTRIES).fetch().count().block(T)).isEqualTo(2_000L);
    assertThat(backends()).as("server sessions on this database").isBetween(1L, 2L);
  }
}
