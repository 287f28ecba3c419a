package dev.sluice.micrometer;

import static dev.sluice.testing.Schema.COUNTRIES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.ReplicaEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replica events become counters; a replica that cannot be opened is counted down and its read retried. */
class ReplicaMetricsTest {
  private static final Duration T = Duration.ofSeconds(30);
  @TempDir Path dir;

  @Test
  void eventsAreCountedByReplicaAndKind() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    Consumer<ReplicaEvent> count = ReplicaMetrics.counting(meters, "orders");
    count.accept(new ReplicaEvent(ReplicaEvent.Kind.DOWN, "replica-1", new IllegalStateException("x"),
        Duration.ofSeconds(1), null));
    count.accept(new ReplicaEvent(ReplicaEvent.Kind.RETRIED, "replica-1", new IllegalStateException("x"), null,
        "primary"));
    count.accept(new ReplicaEvent(ReplicaEvent.Kind.RETRIED, "replica-1", new IllegalStateException("x"), null,
        "primary"));
    count.accept(new ReplicaEvent(ReplicaEvent.Kind.UP, "replica-1", null, null, null));
    assertThat(meters.get(ReplicaMetrics.EVENTS).tag("kind", "down").counter().count()).isEqualTo(1);
    assertThat(meters.get(ReplicaMetrics.EVENTS).tag("kind", "retried").tag("retried.on", "primary").counter().count())
        .isEqualTo(2);
    assertThat(meters.get(ReplicaMetrics.EVENTS).tag("kind", "up").tag("db.name", "orders").counter().count())
        .isEqualTo(1);
  }

  @Test
  void aReplicaThatCannotBeOpenedIsCountedAndTheReadServedByThePrimary() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    String primary = "r2dbc:sqlite:///" + dir.resolve("primary.db");
    // a read-only replica on a file that does not exist: opening it fails
    String missing = "r2dbc:sqlite:///" + dir.resolve("no/such/dir/replica.db") + "?readOnly=true";
    Database db = Database.builder().primary(primary).replicas(missing)
        .onReplicaEvent(ReplicaMetrics.counting(meters, "orders")).build();
    try {
      db.createTables(COUNTRIES).block(T);
      assertThat(db.selectFrom(COUNTRIES).fetch().collectList().block(T)).isEmpty();
      assertThat(meters.get(ReplicaMetrics.EVENTS).tag("kind", "down").tag("replica", "replica-1").counter().count())
          .isEqualTo(1);
      assertThat(meters.get(ReplicaMetrics.EVENTS).tag("kind", "retried").counter().count()).isEqualTo(1);
      assertThat(db.readRouting().reads("replica-1")).as("tried on the replica").isEqualTo(1);
      assertThat(db.readRouting().reads("primary")).as("then served by the primary").isEqualTo(1);
      assertThat(db.readRouting().reads("nowhere")).isZero();
    } finally {
      db.close().block(T);
    }
  }

  @Test
  void readsAreCountedWhereTheyRan() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    String primary = "r2dbc:sqlite:///" + dir.resolve("routed.db");
    Database db = Database.builder().primary(primary).replicas(primary + "?readOnly=true", primary + "?readOnly=true")
        .build();
    try {
      ReplicaMetrics.bindReads(db, meters, "orders");
      db.createTables(COUNTRIES).block(T);
      for (int i = 0; i < 4; i++) {
        db.selectFrom(COUNTRIES).fetch().collectList().block(T);
      }
      db.onPrimary().selectFrom(COUNTRIES).fetch().collectList().block(T);
      assertThat(db.readRouting().targets()).containsExactly("primary", "replica-1", "replica-2");
      assertThat(meters.get(ReplicaMetrics.READS).tag("target", "replica-1").functionCounter().count())
          .as("round robin over two replicas").isEqualTo(2);
      assertThat(meters.get(ReplicaMetrics.READS).tag("target", "replica-2").tag("db.name", "orders")
          .functionCounter().count()).isEqualTo(2);
      assertThat(meters.get(ReplicaMetrics.READS).tag("target", "primary").functionCounter().count())
          .as("onPrimary() is not a read replicas could serve").isZero();
      assertThat(Database.builder().url(primary).build().readRouting().targets()).isEmpty();
    } finally {
      db.close().block(T);
    }
  }
}
