package dev.sluice.internal;

import static dev.sluice.query.Dsl.eq;
import static dev.sluice.testing.Schema.COUNTRIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.ReadYourWrites;
import dev.sluice.ReplicaEvent;
import dev.sluice.ReplicaPicker;
import dev.sluice.spi.ConnectionSource;
import dev.sluice.spi.StandardDialect;
import dev.sluice.testing.Country;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Which statements of the public API go to a replica and which to the primary, on stub factories:
 * the exact SQL each factory ran is asserted.
 */
class ReplicaRoutingTest {
  private static final Duration T = Duration.ofSeconds(5);
  private static final String SELECT = "SELECT \"id\", \"name\" FROM \"countries\"";
  private static final String SELECT_BY_ID = SELECT + " WHERE \"id\" = ?";

  private final FlakyFactory primary = new FlakyFactory();
  private final FlakyFactory r1 = new FlakyFactory();
  private final FlakyFactory r2 = new FlakyFactory();
  private final List<ReplicaEvent> events = new CopyOnWriteArrayList<>();

  private dev.sluice.DatabaseBuilder builder() {
    return Database.builder().primary(primary).replicas(r1, r2).dialect(new StandardDialect()).pooled(false)
        .outsideTransactions(ConnectionSource.NONE).onReplicaEvent(events::add);
  }

  @Test
  void readsGoRoundRobinToTheReplicasAndWritesToThePrimary() {
    Database db = builder().build();
    for (int i = 0; i < 4; i++) {
      db.selectFrom(COUNTRIES).fetch().blockLast(T);
    }
    db.insertInto(COUNTRIES).values(new Country(null, "A")).execute().block(T);
    db.update(COUNTRIES).set(COUNTRIES.name, "B").where(eq(COUNTRIES.id, 1)).execute().block(T);
    db.deleteFrom(COUNTRIES).where(eq(COUNTRIES.id, 1)).execute().block(T);
    db.insertInto(COUNTRIES).values(new Country(null, "C")).returning()
        .onErrorResume(e -> Mono.empty()).block(T);                 // the stub returns no generated key

    assertThat(r1.statements()).containsExactly(SELECT, SELECT);
    assertThat(r2.statements()).containsExactly(SELECT, SELECT);
    assertThat(primary.statements()).containsExactly(
        "INSERT INTO \"countries\" (\"name\") VALUES (?)",
        "UPDATE \"countries\" SET \"name\" = ? WHERE \"id\" = ?",
        "DELETE FROM \"countries\" WHERE \"id\" = ?",
        "INSERT INTO \"countries\" (\"name\") VALUES (?)");         // returning(), emulated: no RETURNING here
  }

  @Test
  void locksRawStatementsPinnedReadsAndDdlGoToThePrimaryAndADeclaredReadOnlyRawReadToAReplica() {
    Database db = builder().build();
    db.selectFrom(COUNTRIES).forUpdate().fetch().blockLast(T);
    db.sql("SELECT 1").fetch().blockLast(T);
    db.sql("UPDATE countries SET name = {0}", "x").execute().block(T);
    db.onPrimary().selectFrom(COUNTRIES).where(eq(COUNTRIES.id, 2)).fetchOne().block(T);
    db.createTables(COUNTRIES).block(T);
    db.sql("SELECT 2").readOnly().fetch().blockLast(T);
    db.select(COUNTRIES.name).from(COUNTRIES).union(db.select(COUNTRIES.name).from(COUNTRIES)).fetch().blockLast(T);
    db.selectFrom(COUNTRIES).orderBy(COUNTRIES.id).paginate(1, 10).block(T);   // an empty page: a count too

    assertThat(primary.statements()).startsWith(SELECT + " FOR UPDATE", "SELECT 1", "UPDATE countries SET name = ?",
        SELECT_BY_ID + " FETCH NEXT ? ROWS ONLY");
    assertThat(primary.statements().get(4)).startsWith("CREATE TABLE");
    assertThat(r1.statements()).containsExactly("SELECT 2",
        "SELECT \"id\", \"name\", COUNT(*) OVER () FROM \"countries\" ORDER BY \"id\" OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
    assertThat(r2.statements()).hasSize(2).first().asString().contains(" UNION ");
    assertThat(r2.statements().get(1)).startsWith("SELECT COUNT(*) FROM (");
  }

  @Test
  void onPrimaryPinsOneQueryAndLeavesTheBuilderItCameFromAsItWas() {
    Database db = builder().build();
    var byId = db.selectFrom(COUNTRIES).where(eq(COUNTRIES.id, 3));
    byId.onPrimary().fetch().blockLast(T);
    db.select(COUNTRIES.name).from(COUNTRIES).onPrimary().fetch().blockLast(T);
    db.selectFrom(COUNTRIES).join(COUNTRIES.as("c2")).on(eq(COUNTRIES.id, COUNTRIES.id)).onPrimary().fetch().blockLast(T);
    db.select(COUNTRIES.name).from(COUNTRIES).union(db.select(COUNTRIES.name).from(COUNTRIES)).onPrimary()
        .fetch().blockLast(T);
    byId.fetch().blockLast(T);

    assertThat(primary.statements()).hasSize(4).first().isEqualTo(SELECT_BY_ID);
    assertThat(primary.statements().get(1)).isEqualTo("SELECT \"name\" FROM \"countries\"");
    assertThat(primary.statements().get(2)).contains(" JOIN ");
    assertThat(primary.statements().get(3)).contains(" UNION ");
    assertThat(r1.statements()).containsExactly(SELECT_BY_ID);
    assertThat(r2.attempts).hasValue(0);
  }

  @Test
  void everyStatementOfATransactionRunsOnItsConnectionOnThePrimary() {
    Database db = builder().build();
    db.inTransaction(tx -> tx.selectFrom(COUNTRIES).fetch()
        .thenMany(tx.insertInto(COUNTRIES).values(new Country(null, "A")).execute())
        .thenMany(db.selectFrom(COUNTRIES).where(eq(COUNTRIES.id, 1)).fetch())).blockLast(T);
    db.beginTransaction().flatMap(tx -> tx.run(db.selectFrom(COUNTRIES).fetch().then()).then(tx.commit())).block(T);

    assertThat(r1.attempts).hasValue(0);
    assertThat(r2.attempts).hasValue(0);
    assertThat(primary.statements()).contains(SELECT, SELECT_BY_ID, "commitTransaction").filteredOn(s -> s.startsWith("SELECT"))
        .hasSize(3);
  }

  @Test
  void aReadInAJoinedOutsideTransactionRunsOnItsConnection() {
    Connection springs = primary.stub.connection("spring");
    ConnectionSource spring = new ConnectionSource() {
      @Override public boolean mayHaveTransaction(ContextView context) {
        return context.hasKey("spring");
      }

      @Override public Mono<Joined> join(ConnectionFactory f) {
        return f != primary ? Mono.empty() : Mono.just(new Joined() {
          @Override public boolean enter() { return true; }

          @Override public Mono<Connection> connection() { return Mono.just(springs); }

          @Override public void leave() { }
        });
      }
    };
    Database db = builder().outsideTransactions(spring).build();
    db.selectFrom(COUNTRIES).fetch().contextWrite(Context.of("spring", true)).blockLast(T);
    db.selectFrom(COUNTRIES).fetch().blockLast(T);
    assertThat(primary.stub.log).containsExactly("spring: " + SELECT);
    assertThat(r1.statements()).containsExactly(SELECT);
  }

  @Test
  void aSessionReadsItsOwnWritesFromThePrimaryInTheWindow() {
    Database db = builder().readYourWrites(Duration.ofMinutes(10)).build();
    db.insertInto(COUNTRIES).values(new Country(null, "A")).execute()
        .then(db.selectFrom(COUNTRIES).where(eq(COUNTRIES.id, 1)).fetchOne())
        .contextWrite(ReadYourWrites.session()).block(T);
    db.selectFrom(COUNTRIES).fetch().contextWrite(ReadYourWrites.session()).blockLast(T);   // a new session

    assertThat(primary.statements()).containsExactly("INSERT INTO \"countries\" (\"name\") VALUES (?)",
        SELECT_BY_ID + " FETCH NEXT ? ROWS ONLY");
    assertThat(r1.statements()).containsExactly(SELECT);
  }

  @Test
  void aReplicaThatRefusesIsReportedAndTheReadMovesOn() {
    Database db = builder().build();
    r1.refusing = true;
    assertThat(db.selectFrom(COUNTRIES).fetch().collectList().block(T)).isEmpty();
    assertThat(r2.statements()).containsExactly(SELECT);
    assertThat(events).extracting(ReplicaEvent::kind, ReplicaEvent::replica, ReplicaEvent::backoff,
            ReplicaEvent::retriedOn)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ReplicaEvent.Kind.DOWN, "replica-1", Duration.ofSeconds(1), null),
            org.assertj.core.groups.Tuple.tuple(ReplicaEvent.Kind.RETRIED, "replica-1", null, "replica-2"));
    assertThat(events.get(0).cause()).hasMessage("Connection refused: stub");
  }

  @Test
  void pickersChooseByTheirRule() {
    Database weighted = Database.builder().primary(primary).replica("big", r1).replica("small", r2)
        .replicaPicker(ReplicaPicker.weighted(Map.of("big", 3, "small", 1)))
        .dialect(new StandardDialect()).pooled(false).outsideTransactions(ConnectionSource.NONE).build();
    for (int i = 0; i < 400; i++) {
      weighted.selectFrom(COUNTRIES).fetch().blockLast(T);
    }
    assertThat(r1.statements().size()).isBetween(240, 360);      // 300 expected; 7 standard deviations each side
    assertThat(r1.statements().size() + r2.statements().size()).isEqualTo(400);

    ReplicaPicker random = ReplicaPicker.random();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < 200; i++) {
      seen.add(random.pick(List.of("a", "b", "c")));
    }
    assertThat(seen).containsExactlyInAnyOrder("a", "b", "c");
    ReplicaPicker rr = ReplicaPicker.roundRobin();
    assertThat(List.of(rr.pick(List.of("a", "b")), rr.pick(List.of("a", "b")), rr.pick(List.of("a", "b"))))
        .containsExactly("a", "b", "a");
  }

  @Test
  void wrongReplicaOptionsFailWhenTheDatabaseIsBuilt() {
    assertThatThrownBy(() -> Database.builder().primary(primary).replica("big", r1).replica("small", r2)
        .replicaPicker(ReplicaPicker.weighted(Map.of("big", 3, "huge", 1))).dialect(new StandardDialect()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ReplicaPicker.weighted needs a weight for every replica and a replica for every weight: "
            + "no weight for [small], no replica named [huge] (replicas: [big, small])");
    assertThatThrownBy(() -> ReplicaPicker.weighted(Map.of("a", 0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("The weight of replica a must be at least 1, was 0");
    assertThatThrownBy(() -> Database.builder().replica("r", r1).replica("r", r2))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Two replicas are named r");
    assertThatThrownBy(() -> Database.builder().replica("primary", r1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("A replica cannot be named \"primary\"");
    assertThatThrownBy(() -> Database.builder().readYourWrites(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be negative");
    assertThatThrownBy(() -> Database.builder().primary(primary).readYourWrites(Duration.ofSeconds(1))
        .dialect(new StandardDialect()).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("but no replica");
  }

  @Test
  void anUnreachableReplicasPoolTriesItTwiceBeforeTheReadMovesOn() {
    Database db = Database.builder().primary(primary).replicas(r1, r2).dialect(new StandardDialect()).poolSize(4)
        .acquireTimeout(Duration.ofSeconds(5)).outsideTransactions(ConnectionSource.NONE).build();
    r1.refusing = true;
    r2.refusing = true;
    primary.refusing = true;
    assertThatThrownBy(() -> db.selectFrom(COUNTRIES).fetch().blockLast(T))
        .isInstanceOf(dev.sluice.error.ConnectionLostException.class);
    assertThat(List.of(r1.attempts.get(), r2.attempts.get(), primary.attempts.get())).containsExactly(2, 2, 6);   // the primary: once and poolSize + 1 retries
    db.close().block(T);
  }

  @Test
  void closeClosesEveryReplicaPoolSluiceMade() {
    ConnectionPool given = new ConnectionPool(io.r2dbc.pool.ConnectionPoolConfiguration.builder(r2).build());
    Database db = Database.builder().primary(primary).replicas(r1, given).dialect(new StandardDialect())
        .outsideTransactions(ConnectionSource.NONE).build();
    db.selectFrom(COUNTRIES).fetch().blockLast(T);
    db.selectFrom(COUNTRIES).fetch().blockLast(T);
    assertThat(r1.statements()).containsExactly(SELECT);
    assertThat(r2.statements()).containsExactly(SELECT);
    db.close().block(T);
    assertThat(r1.stub.log).endsWith("pooled-1: close");           // the pool Sluice made closed its connection
    assertThat(given.isDisposed()).as("a pool passed in is left to its owner").isFalse();
    given.dispose();
  }

  @Test
  void aTimedStatementsCancellerReachesTheServerItRunsOn() {
    List<ConnectionFactory> cancelVia = new CopyOnWriteArrayList<>();
    StandardDialect dialect = new StandardDialect() {
      @Override public Mono<dev.sluice.spi.StatementCanceller> canceller(Connection c, ConnectionFactory unpooled) {
        cancelVia.add(unpooled);          // a KILL QUERY would open a connection here
        return Mono.just(dev.sluice.spi.StatementCanceller.NONE);
      }
    };
    Database db = builder().dialect(dialect).build();
    java.util.function.Function<Context, Context> limit = dev.sluice.QueryTimeout.of(Duration.ofSeconds(5));
    db.selectFrom(COUNTRIES).fetch().contextWrite(limit).blockLast(T);
    db.selectFrom(COUNTRIES).fetch().contextWrite(limit).blockLast(T);
    db.onPrimary().selectFrom(COUNTRIES).fetch().contextWrite(limit).blockLast(T);
    db.sql("DELETE FROM countries").execute().contextWrite(limit).block(T);
    assertThat(cancelVia).containsExactly(r1, r2, primary, primary);
  }

  @Test
  void withoutReplicasOnPrimaryIsTheDatabaseItself() {
    Database db = Database.builder().primary(primary).dialect(new StandardDialect()).pooled(false).build();
    assertThat(db.onPrimary()).isSameAs(db);
  }
}
