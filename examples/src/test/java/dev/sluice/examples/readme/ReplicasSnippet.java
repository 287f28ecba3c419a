package dev.sluice.examples.readme;

import static dev.sluice.query.Dsl.eq;
import static dev.sluice.testing.Schema.CITIES;

import dev.sluice.Database;
import dev.sluice.ReadYourWrites;
import dev.sluice.ReplicaPicker;
import dev.sluice.Row;
import dev.sluice.testing.City;
import java.time.Duration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The README's read-replica block, compiled against the public API (run by PostgresReplicaIT's calls). */
final class ReplicasSnippet {
  private ReplicasSnippet() {}

  @SuppressWarnings("unused")
  static void replicas() {
    // tag::replicas[]
    Database db = Database.builder().primary("r2dbc:postgresql://app@db-primary/app")
        .replicas("r2dbc:postgresql://app@db-replica-1/app", "r2dbc:postgresql://app@db-replica-2/app")
        .replicaPicker(ReplicaPicker.roundRobin())     // the default; or random(), weighted(Map.of(...)), a lambda
        .readYourWrites(Duration.ofSeconds(2))        // a session's reads in the 2 s after its write: the primary
        .onReplicaEvent(e -> System.err.println(e.kind() + " " + e.replica() + " " + e.cause()))
        .build();

    Flux<City> cities = db.selectFrom(CITIES).fetch();                                         // a replica
    Mono<Long> renamed = db.update(CITIES).set(CITIES.name, "Lima").where(eq(CITIES.id, 7)).execute(); // the primary
    Mono<City> fresh = db.selectFrom(CITIES).where(eq(CITIES.id, 7)).onPrimary().fetchOne();  // the primary
    Flux<Row> counted = db.sql("SELECT count(*) AS n FROM cities").readOnly().fetch();         // a replica
    Mono<City> mine = renamed.then(db.selectFrom(CITIES).where(eq(CITIES.id, 7)).fetchOne())
        .contextWrite(ReadYourWrites.session());                                // the primary: sees "Lima"
    // end::replicas[]
  }
}
