package dev.sluice.internal;

import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * The rows of a statement's results, in order, with backpressure.
 *
 * <p>The driver's row publisher ({@link Result#map}) always sees demand of its own: each result's
 * rows are read through a bounded prefetch (32 rows, replenished as the caller consumes them), not
 * with the caller's demand passed straight through. A row publisher that is cancelled before it
 * ever saw a request leaves r2dbc-mariadb's and r2dbc-postgresql's connection waiting for the rest
 * of a result nobody reads: the connection goes back to the pool, and the next statement on it
 * hangs. With its own demand, the driver is already reading when the cancel comes and discards the
 * rest of the result as it does for any cancelled stream. At most one result is read at a time, so
 * rows keep the statement's order.
 */
final class ResultRows {
  private ResultRows() {}

  /** The rows of every result of {@code results}, read by {@code reader}. */
  static <T> Flux<T> of(Publisher<? extends Result> results,
      BiFunction<Row, RowMetadata, ? extends T> reader) {
    return Flux.from(results).flatMap(r -> r.map(reader), 1);
  }
}
