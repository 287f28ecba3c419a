package dev.sluice.dialect;

import static dev.sluice.query.Dsl.eq;
import static dev.sluice.testing.Schema.COUNTRIES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.ReadYourWrites;
import dev.sluice.ReplicaEvent;
import dev.sluice.testing.Country;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * Replica routing on a database that has no replication: the primary and two "replicas" are three
 * separate databases of the same kind, each holding one row named after itself, so a read shows
 * where it ran and a write shows where it landed. Routing logic only, on a real driver; the
 * replication itself is proven on PostgreSQL ({@code PostgresReplicaIT}).
 */
public abstract class ReplicaRoutingContract {
  protected static final Duration T = Duration.ofSeconds(30);

  private final List<ReplicaEvent> events = new CopyOnWriteArrayList<>();
  private Database db;

  /** Fails (CI) or skips when the database is unreachable, and gives every test three empty databases. */
  protected abstract void prepare();

  protected abstract ConnectionFactory primary();

  /** The replica {@code n} (1 or 2): a database of its own. */
  protected abstract ConnectionFactory replica(int n);

  /** A replica that cannot be connected to (a database that does not exist). */
  protected abstract ConnectionFactory unreachable();

  @BeforeEach
  void seedEachDatabaseWithItsOwnName() {
    prepare();
    seed(primary(), "primary");
    seed(replica(1), "replica-1");
    seed(replica(2), "replica-2");
  }

  @AfterEach
  void close() {
    if (db != null) {
      db.close().block(T);
    }
  }

  private static void seed(ConnectionFactory f, String name) {
    Database plain = Database.builder().connectionFactory(f).pooled(false).build();
    plain.dropTables(COUNTRIES).then(plain.createTables(COUNTRIES))
        .then(plain.insertInto(COUNTRIES).values(new Country(null, name)).execute()).block(T);
  }

  private static List<String> namesIn(ConnectionFactory f) {
    return Database.builder().connectionFactory(f).pooled(false).build()
        .selectFrom(COUNTRIES).orderBy(COUNTRIES.name).fetch().map(Country::name).collectList().block(T);
  }

  private Database db(ConnectionFactory... replicas) {
    db = Database.builder().primary(primary()).replicas(replicas).readYourWrites(Duration.ofMinutes(1))
        .onReplicaEvent(events::add).build();
    return db;
  }

  private static String where(Flux<Country> read) {
    return read.map(Country::name).blockFirst(T);
  }

  @Test
  void readsTakeTurnsOnTheReplicasAndWritesLandOnThePrimary() {
    Database db = db(replica(1), replica(2));
    assertThat(List.of(where(db.selectFrom(COUNTRIES).fetch()), where(db.selectFrom(COUNTRIES).fetch()),
        where(db.selectFrom(COUNTRIES).fetch()), where(db.selectFrom(COUNTRIES).fetch())))
        .containsExactly("replica-1", "replica-2", "replica-1", "replica-2");

    db.insertInto(COUNTRIES).values(new Country(null, "inserted")).execute().block(T);
    db.update(COUNTRIES).set(COUNTRIES.name, "updated").where(eq(COUNTRIES.name, "inserted")).execute().block(T);
    db.sql("INSERT INTO countries (name) VALUES ({0})", "raw").execute().block(T);
    db.deleteFrom(COUNTRIES).where(eq(COUNTRIES.name, "raw")).execute().block(T);
    assertThat(namesIn(primary())).containsExactly("primary", "updated");
    assertThat(namesIn(replica(1))).containsExactly("replica-1");
    assertThat(namesIn(replica(2))).containsExactly("replica-2");
    assertThat(events).isEmpty();
  }

  @Test
  void rawStatementsTransactionsAndPinnedReadsGoToThePrimary() {
    Database db = db(replica(1), replica(2));
    assertThat(db.sql("SELECT name FROM countries").fetch().map(r -> r.get("name", String.class)).blockFirst(T))
        .isEqualTo("primary");
    assertThat(db.sql("SELECT name FROM countries").readOnly().fetch().map(r -> r.get("name", String.class))
        .blockFirst(T)).isEqualTo("replica-1");
    assertThat(where(db.onPrimary().selectFrom(COUNTRIES).fetch())).isEqualTo("primary");
    assertThat(where(db.selectFrom(COUNTRIES).onPrimary().fetch())).isEqualTo("primary");
    assertThat(db.inTransaction(tx -> tx.selectFrom(COUNTRIES).fetch().map(Country::name)).blockFirst(T))
        .isEqualTo("primary");
    assertThat(where(db.selectFrom(COUNTRIES).fetch())).isEqualTo("replica-2");
  }

  @Test
  void aSessionReadsThePrimaryAfterItsWrite() {
    Database db = db(replica(1), replica(2));
    List<String> seen = db.insertInto(COUNTRIES).values(new Country(null, "mine")).execute()
        .thenMany(db.selectFrom(COUNTRIES).orderBy(COUNTRIES.name).fetch().map(Country::name))
        .contextWrite(ReadYourWrites.session()).collectList().block(T);
    assertThat(seen).containsExactly("mine", "primary");
    assertThat(where(db.selectFrom(COUNTRIES).fetch().contextWrite(ReadYourWrites.session())))
        .isEqualTo("replica-1");
  }

  @Test
  void aReplicaThatCannotBeReachedIsTakenOutAndTheReadRunsOnTheNext() {
    Database db = db(unreachable(), replica(2));
    assertThat(List.of(where(db.selectFrom(COUNTRIES).fetch()), where(db.selectFrom(COUNTRIES).fetch()),
        where(db.selectFrom(COUNTRIES).fetch()))).containsExactly("replica-2", "replica-2", "replica-2");
    assertThat(events).extracting(ReplicaEvent::kind, ReplicaEvent::replica, ReplicaEvent::retriedOn)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ReplicaEvent.Kind.DOWN, "replica-1", null),
            org.assertj.core.groups.Tuple.tuple(ReplicaEvent.Kind.RETRIED, "replica-1", "replica-2"));
    assertThat(events.get(0).backoff()).isEqualTo(Duration.ofSeconds(1));
  }
}
