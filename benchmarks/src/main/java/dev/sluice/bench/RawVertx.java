package dev.sluice.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import reactor.core.publisher.Mono;

/**
 * Vert.x's PostgreSQL client used as its own users write it, for the raw Vert.x variants: a
 * {@link Pool} of the same size as the R2DBC pools (4), prepared statements cached per connection,
 * rows mapped by index into the same records.
 */
final class RawVertx {
  private RawVertx() {}

  /** A pool of 4 connections on the benchmark database, on {@code vertx}'s event loops. */
  static Pool newPool(Vertx vertx) {
    PgConnectOptions connect = new PgConnectOptions()
        .setHost(BenchSupport.HOST).setPort(BenchSupport.PORT).setUser(BenchSupport.USER)
        .setDatabase(BenchSupport.DATABASE).setCachePreparedStatements(true);
    return PgBuilder.pool().with(new PoolOptions().setMaxSize(4)).connectingTo(connect).using(vertx).build();
  }

  /** The future's outcome, for the harness to block on. */
  static <T> Mono<T> mono(Future<T> future) {
    return Mono.fromCompletionStage(future::toCompletionStage);
  }

  static Item item(Row row) {
    return new Item(row.getInteger(0), row.getString(1), row.getLong(2), row.getOffsetDateTime(3),
        row.getBoolean(4));
  }

  static BenchSchema.User user(Row row, int at) {
    return new BenchSchema.User(row.getInteger(at), row.getString(at + 1), row.getString(at + 2),
        row.getInteger(at + 3), row.getOffsetDateTime(at + 4));
  }

  static BenchSchema.Post post(Row row, int at) {
    return new BenchSchema.Post(row.getInteger(at), row.getInteger(at + 1), row.getString(at + 2),
        row.getInteger(at + 3), row.getOffsetDateTime(at + 4));
  }

  static BenchSchema.Country country(Row row, int at) {
    return new BenchSchema.Country(row.getInteger(at), row.getString(at + 1), row.getString(at + 2));
  }
}
