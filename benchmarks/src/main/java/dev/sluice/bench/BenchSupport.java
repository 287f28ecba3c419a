package dev.sluice.bench;

import dev.sluice.Database;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.OffsetDateTime;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What every benchmark pair shares: one r2dbc-pool over r2dbc-postgresql (the same configuration
 * for Sluice and raw), table setup, and the hand-written raw row mapping.
 */
final class BenchSupport {
  private BenchSupport() {}

  static final String HOST = System.getProperty("bench.pg.host", "127.0.0.1");
  static final int PORT = Integer.getInteger("bench.pg.port", 5432);
  static final String USER = System.getProperty("bench.pg.user", "postgres");
  static final String DATABASE = System.getProperty("bench.pg.database", "test");

  /** The column list both sides select, in the record's component order. */
  static final String COLUMNS = "id, name, qty, created_at, active";

  /** One pool, shared by the Sluice and the raw benchmark of a pair. */
  static ConnectionPool newPool() {
    PostgresqlConnectionFactory factory = new PostgresqlConnectionFactory(
        PostgresqlConnectionConfiguration.builder()
            .host(HOST).port(PORT).username(USER).database(DATABASE).build());
    ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(factory)
        .initialSize(2).maxSize(4).maxAcquireTime(Duration.ofSeconds(30)).build());
    pool.warmup().block();
    return pool;
  }

  /**
   * A pool with binary results: {@code sluiceDecoders} true builds it as {@code Database.connect(url)}
   * does ({@code Dialects.connect}: {@code forceBinary} and Sluice's exact decoders), false is the raw
   * driver with only {@code forceBinary(true)}.
   */
  static ConnectionPool newBinaryPool(boolean sluiceDecoders) {
    io.r2dbc.spi.ConnectionFactory factory = sluiceDecoders
        ? dev.sluice.spi.Dialects.connect("r2dbc:postgresql://" + USER + "@" + HOST + ":" + PORT + "/" + DATABASE)
        : new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
            .host(HOST).port(PORT).username(USER).database(DATABASE).forceBinary(true).build());
    ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(factory)
        .initialSize(2).maxSize(4).maxAcquireTime(Duration.ofSeconds(30)).build());
    pool.warmup().block();
    return pool;
  }

  /** A pool of r2dbc-vertx connections (Sluice's R2DBC driver over Vert.x's PostgreSQL client), same size. */
  static ConnectionPool newVertxPool() {
    io.r2dbc.spi.ConnectionFactory factory = io.r2dbc.spi.ConnectionFactories.get(
        "r2dbc:vertx-postgresql://" + USER + "@" + HOST + ":" + PORT + "/" + DATABASE);
    ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(factory)
        .initialSize(2).maxSize(4).maxAcquireTime(Duration.ofSeconds(30)).build());
    pool.warmup().block();
    return pool;
  }

  /**
   * r2dbc-vertx with its connections in Vert.x's own pool ({@code ?poolSize=4}, the same size), no
   * r2dbc-pool around it: Sluice runs on it with {@code pooled(false)}.
   */
  static io.r2dbc.spi.ConnectionFactory newVertxPooledFactory() {
    return io.r2dbc.spi.ConnectionFactories.get(
        "r2dbc:vertx-postgresql://" + USER + "@" + HOST + ":" + PORT + "/" + DATABASE + "?poolSize=4");
  }

  /** Sluice on a factory that pools its own connections (no r2dbc-pool around it). */
  static Database sluiceSelfPooled(io.r2dbc.spi.ConnectionFactory factory, int fetchSize) {
    return Database.builder().connectionFactory(factory).pooled(false).fetchSize(fetchSize).build();
  }

  /** Sluice on the given pool (it is already pooled, so Sluice does not wrap it again). */
  static Database sluice(ConnectionPool pool, int fetchSize) {
    return Database.builder().connectionFactory(pool).fetchSize(fetchSize).build();
  }

  /** The raw mapping a hand-written r2dbc user writes: by index, boxed types, same record. */
  static Item map(Readable row) {
    return new Item(row.get(0, Integer.class), row.get(1, String.class), row.get(2, Long.class),
        row.get(3, OffsetDateTime.class), row.get(4, Boolean.class));
  }

  /** Drops and re-creates {@code table} through Sluice's DDL, then fills it with {@code rows} rows. */
  static void createAndFill(Database db, ConnectionPool pool, Items table, int rows) {
    db.dropTables(table).then(db.createTables(table)).block();
    if (rows > 0) {
      sql(pool, "INSERT INTO " + table.name() + " (" + COLUMNS + ") SELECT g, 'item-' || g, "
          + "g * 1000, TIMESTAMPTZ '2024-01-01 00:00:00+00' + g * INTERVAL '1 second', g % 2 = 0 "
          + "FROM generate_series(1, " + rows + ") g");
      sql(pool, "ANALYZE " + table.name());
    }
  }

  /**
   * Creates {@code table} and fills it with the rows {@link #createAndFill} writes, each with
   * {@code updated_at} = {@code created_at} and none deleted.
   */
  static void createAndFillModel(Database db, ConnectionPool pool, ModelItems table, int rows) {
    db.dropTables(table).then(db.createTables(table)).block();
    sql(pool, "INSERT INTO " + table.name() + " (" + COLUMNS + ", updated_at) SELECT g, 'item-' || g, "
        + "g * 1000, TIMESTAMPTZ '2024-01-01 00:00:00+00' + g * INTERVAL '1 second', g % 2 = 0, "
        + "TIMESTAMPTZ '2024-01-01 00:00:00+00' + g * INTERVAL '1 second' FROM generate_series(1, " + rows + ") g");
    sql(pool, "ANALYZE " + table.name());
  }

  /** Runs one SQL statement without binds on a pooled connection. */
  static void sql(ConnectionPool pool, String sql) {
    Flux.usingWhen(pool.create(),
            c -> Flux.from(c.createStatement(sql).execute()).concatMap(r -> r.getRowsUpdated()),
            Connection::close)
        .then().block();
  }

  static void dispose(Database db, ConnectionPool pool) {
    if (db != null) {
      db.close().block();
    }
    if (pool != null) {
      pool.disposeLater().block(Duration.ofSeconds(10));
      // the pool does not close the factory it wraps: r2dbc-vertx's owns a Vertx whose event-loop
      // threads are not daemons, and would keep the JVM running after the results are printed
      if (pool.unwrap() instanceof io.r2dbc.spi.Closeable factory) {
        Mono.from(factory.close()).block(Duration.ofSeconds(10));
      }
    }
  }

  static <T> T block(Mono<T> mono) {
    return mono.block(Duration.ofMinutes(5));
  }
}
