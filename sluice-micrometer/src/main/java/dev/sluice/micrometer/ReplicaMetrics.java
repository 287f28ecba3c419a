package dev.sluice.micrometer;

import dev.sluice.Database;
import dev.sluice.ReplicaEvent;
import dev.sluice.observe.ReadRouting;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Counts what happens to a {@code Database}'s read replicas: {@code sluice.replica.events}, tagged
 * {@code db.name}, {@code replica} and {@code kind} ({@code down}, {@code up}, {@code retried}), and
 * for a retried read {@code retried.on} (the replica or {@code primary} it went to). A listener for
 * {@code DatabaseBuilder.onReplicaEvent}; it never blocks.
 *
 * <pre>{@code
 * Database db = Database.builder().primary(primary).replicas(r1, r2)
 *     .onReplicaEvent(ReplicaMetrics.counting(meterRegistry, "orders"))
 *     .build();
 * }</pre>
 */
public final class ReplicaMetrics {
  /** The counter's name. */
  public static final String EVENTS = "sluice.replica.events";
  /** The name of the counters of reads by where they ran. */
  public static final String READS = "sluice.replica.reads";

  private ReplicaMetrics() { }

  /** A listener counting every replica event in {@code registry}, tagged {@code db.name=database}. */
  public static Consumer<ReplicaEvent> counting(MeterRegistry registry, String database) {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(database, "database");
    return event -> Counter.builder(EVENTS)
        .description("read replicas taken out, brought back, and reads moved off one")
        .tag("db.name", database)
        .tag("replica", event.replica())
        .tag("kind", event.kind().name().toLowerCase(Locale.ROOT))
        .tag("retried.on", event.retriedOn() == null ? "none" : event.retriedOn())
        .register(registry).increment();
  }

  /**
   * Registers {@code sluice.replica.reads}, one function counter per target ({@code primary} and each
   * replica) tagged {@code db.name} and {@code target}, reading {@code db.readRouting()}'s live
   * counts: how the reads replicas could serve were spread. Registers nothing for a database
   * without replicas.
   */
  public static void bindReads(Database db, MeterRegistry registry, String database) {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(database, "database");
    ReadRouting routing = db.readRouting();
    for (String target : routing.targets()) {
      FunctionCounter.builder(READS, routing, r -> r.reads(target))
          .description("reads routed to a read replica or to the primary")
          .tag("db.name", database)
          .tag("target", target)
          .register(registry);
    }
  }
}
