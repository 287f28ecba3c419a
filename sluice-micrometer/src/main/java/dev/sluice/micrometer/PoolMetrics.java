package dev.sluice.micrometer;

import dev.sluice.Database;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.r2dbc.pool.ConnectionPool;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * Gauges of a {@code Database}'s r2dbc-pool, read from the pool's own metrics: {@code
 * sluice.pool.acquired}, {@code sluice.pool.idle}, {@code sluice.pool.pending} (acquires waiting) and
 * {@code sluice.pool.max}, each tagged {@code db.name}. A database that is not on an r2dbc-pool
 * (render-only, {@code pooled(false)}) has no gauges.
 *
 * <pre>{@code
 * PoolMetrics.of(db, "orders").bindTo(meterRegistry);
 * }</pre>
 */
public final class PoolMetrics implements MeterBinder {
  private final ConnectionPool pool;
  private final String name;

  private PoolMetrics(ConnectionPool pool, String name) {
    this.pool = pool;
    this.name = name;
  }

  /**
   * The gauges of {@code db}'s pool, tagged {@code db.name=name}.
   *
   * @throws IllegalArgumentException when {@code db} does not run on an r2dbc-pool {@code ConnectionPool}
   */
  public static PoolMetrics of(Database db, String name) {
    Objects.requireNonNull(db, "db");
    if (!(db.connectionFactory() instanceof ConnectionPool pool)) {
      throw new IllegalArgumentException("This Database does not run on an r2dbc-pool ConnectionPool ("
          + (db.connectionFactory() == null ? "render-only" : db.connectionFactory().getClass().getName())
          + "): there are no pool gauges to bind");
    }
    return new PoolMetrics(pool, Objects.requireNonNull(name, "name"));
  }

  @Override public void bindTo(MeterRegistry registry) {
    gauge(registry, "sluice.pool.acquired", "connections in use", io.r2dbc.pool.PoolMetrics::acquiredSize);
    gauge(registry, "sluice.pool.idle", "connections idle in the pool", io.r2dbc.pool.PoolMetrics::idleSize);
    gauge(registry, "sluice.pool.pending", "acquires waiting for a connection",
        io.r2dbc.pool.PoolMetrics::pendingAcquireSize);
    gauge(registry, "sluice.pool.max", "the most connections the pool opens",
        io.r2dbc.pool.PoolMetrics::getMaxAllocatedSize);
  }

  private void gauge(MeterRegistry registry, String meter, String what,
      ToIntFunction<io.r2dbc.pool.PoolMetrics> read) {
    Gauge.builder(meter, pool, p -> p.getMetrics().map(read::applyAsInt).orElse(0))
        .description(what).tags(Tags.of("db.name", name)).register(registry);
  }
}
