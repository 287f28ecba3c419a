package dev.sluice;

import dev.sluice.error.QueryTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * A time limit for each statement of a pipeline, written into its Reactor {@code Context}: every
 * Sluice query, insert, update or delete subscribed under it that runs longer is cancelled on the
 * server (PostgreSQL's cancel request, {@code KILL QUERY} on MariaDB and MySQL, an interrupt on
 * SQLite) and fails with {@link QueryTimeoutException} within a few milliseconds of the limit.
 *
 * <pre>{@code
 * Flux<City> cities = db.selectFrom(CITIES).fetch()
 *     .contextWrite(QueryTimeout.of(Duration.ofSeconds(2)));          // each statement: 2 s at most
 * db.inTransaction(tx -> work(tx)).contextWrite(QueryTimeout.of(Duration.ofMillis(500)));
 * }</pre>
 *
 * <p>The limit applies to each statement separately; {@link TxOptions#timeout(Duration)} bounds a
 * whole transaction. Written closer to the statement, a limit replaces one written further out.
 */
public final class QueryTimeout {
  private QueryTimeout() {}

  /** The context change that sets the limit: {@code flux.contextWrite(QueryTimeout.of(d))}. */
  public static Function<Context, Context> of(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    return context -> dev.sluice.internal.QueryTimeoutKey.put(context, timeout);
  }

  /** The limit in {@code context}, if one was written. */
  public static Optional<Duration> in(ContextView context) {
    return dev.sluice.internal.QueryTimeoutKey.in(context);
  }
}
