package dev.sluice;

import dev.sluice.internal.ReplicaListener;
import dev.sluice.internal.ReplicaRouter;
import dev.sluice.spi.Dialect;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** The read-replica options of a {@link DatabaseBuilder}, and the router they make. */
final class ReplicaSettings {
  private final Map<String, ConnectionFactory> replicas = new LinkedHashMap<>();
  private ReplicaPicker picker;
  private Duration readYourWrites = Duration.ZERO;
  private Duration initialBackoff = Duration.ofSeconds(1);
  private Duration maxBackoff = Duration.ofSeconds(30);
  private Consumer<ReplicaEvent> listener = e -> { };

  void add(String name, ConnectionFactory factory) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(factory, "replica connection factory");
    if (name.isBlank() || name.equals("primary")) {
      throw new IllegalArgumentException("A replica cannot be named \"" + name + "\"");
    }
    if (replicas.putIfAbsent(name, factory) != null) {
      throw new IllegalArgumentException("Two replicas are named " + name);
    }
  }

  /** The name of the next unnamed replica: replica-1, replica-2, ... */
  String nextName() {
    return "replica-" + (replicas.size() + 1);
  }

  void picker(ReplicaPicker p) { this.picker = Objects.requireNonNull(p, "picker"); }

  void readYourWrites(Duration window) {
    Objects.requireNonNull(window, "window");
    if (window.isNegative()) {
      throw new IllegalArgumentException("The read-your-writes window cannot be negative, was " + window);
    }
    this.readYourWrites = window;
  }

  void backoff(Duration initial, Duration max) {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("The replica back-off must be positive and its maximum at least the "
          + "initial period, was " + initial + " and " + max);
    }
    this.initialBackoff = initial;
    this.maxBackoff = max;
  }

  void listener(Consumer<ReplicaEvent> l) { this.listener = Objects.requireNonNull(l, "listener"); }

  /**
   * The router, each replica's factory passed through {@code pool} (null: no replicas); a pool that
   * {@code pool} made is closed with the database.
   */
  ReplicaRouter router(Dialect dialect, UnaryOperator<ConnectionFactory> pool) {
    if (replicas.isEmpty()) {
      if (picker != null || !readYourWrites.isZero()) {
        throw new IllegalStateException("A replica picker or a read-your-writes window was set, but no replica");
      }
      return null;
    }
    List<String> names = List.copyOf(replicas.keySet());
    ReplicaPicker p = picker != null ? picker : ReplicaPicker.roundRobin();
    p.check(names);
    List<ReplicaRouter.Target> targets = new ArrayList<>();
    replicas.forEach((name, factory) -> {
      ConnectionFactory pooled = pool.apply(factory);
      targets.add(new ReplicaRouter.Target(name, pooled, factory, pooled != factory));
    });
    Consumer<ReplicaEvent> l = listener;
    ReplicaListener adapter = (signal, replica, cause, backoff, retriedOn) ->
        l.accept(new ReplicaEvent(ReplicaEvent.Kind.valueOf(signal.name()), replica, cause, backoff, retriedOn));
    return new ReplicaRouter(targets, p::pick, initialBackoff, maxBackoff, readYourWrites, adapter, dialect);
  }
}
