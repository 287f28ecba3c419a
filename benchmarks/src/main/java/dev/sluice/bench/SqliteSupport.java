package dev.sluice.bench;

import dev.sluice.Database;
import dev.sluice.r2dbc.sqlite.SqliteConnectionConfiguration;
import dev.sluice.r2dbc.sqlite.SqliteConnectionFactory;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The SQLite side of the benchmarks: one temp-file database (WAL) per benchmark state, used by all
 * three variants in the same run: raw xerial sqlite-jdbc on one reused JDBC connection (blocking, on
 * the calling thread), the bridge through raw R2DBC over an r2dbc-pool, and Sluice on that pool.
 */
final class SqliteSupport implements AutoCloseable {
  /** The text the bridge writes for an {@code OffsetDateTime} (date, space, time, offset id). */
  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssXXX");

  final Path dir;
  final Path file;
  final ConnectionPool pool;
  final Database db;
  /** {@link #db} without looking for a Spring transaction to join (as before joining existed). */
  final Database dbJoinOff;
  /**
   * Sluice on a second pool over the same file whose bridge runs JDBC work on the calling thread
   * when it may block ({@code callerRuns}): the benchmark's thread, which blocks on each result.
   */
  final ConnectionPool callerRunsPool;
  final Database dbCallerRuns;
  /**
   * The bridge's own pool ({@code poolSize(4)}, {@code callerRuns}) over the same file, no r2dbc-pool:
   * Sluice on it with {@code pooled(false)}.
   */
  final SqliteConnectionFactory ownPool;
  final Database dbOwnPool;
  final java.sql.Connection jdbc;

  SqliteSupport(Items table, int rows, int sluiceFetchSize) {
    this(table, rows, sluiceFetchSize, null);
  }

  /** {@code scheduler}: the bridge's scheduler for blocking work (null: its default, boundedElastic). */
  SqliteSupport(Items table, int rows, int sluiceFetchSize, reactor.core.scheduler.Scheduler scheduler) {
    try {
      dir = Files.createTempDirectory("sluice-bench-sqlite");
      file = dir.resolve("bench.db");
      SqliteConnectionFactory factory = new SqliteConnectionFactory(
          SqliteConnectionConfiguration.builder().database(file.toString())
              .scheduler(scheduler).build());
      pool = new ConnectionPool(ConnectionPoolConfiguration.builder(factory)
          .initialSize(2).maxSize(4).maxAcquireTime(Duration.ofSeconds(30)).build());
      pool.warmup().block();
      db = Database.builder().connectionFactory(pool).fetchSize(sluiceFetchSize).build();
      dbJoinOff = Database.builder().connectionFactory(pool).fetchSize(sluiceFetchSize)
          .outsideTransactions(dev.sluice.spi.ConnectionSource.NONE).build();
      callerRunsPool = new ConnectionPool(ConnectionPoolConfiguration.builder(new SqliteConnectionFactory(
              SqliteConnectionConfiguration.builder().database(file.toString()).scheduler(scheduler)
                  .callerRuns(true).build()))
          .initialSize(2).maxSize(4).maxAcquireTime(Duration.ofSeconds(30)).build());
      callerRunsPool.warmup().block();
      dbCallerRuns = Database.builder().connectionFactory(callerRunsPool).fetchSize(sluiceFetchSize).build();
      ownPool = new SqliteConnectionFactory(SqliteConnectionConfiguration.builder().database(file.toString())
          .scheduler(scheduler).callerRuns(true).poolSize(4).build());
      dbOwnPool = Database.builder().connectionFactory(ownPool).pooled(false).fetchSize(sluiceFetchSize)
          .build();
      // Sluice's SQLite DDL; the rows are written by JDBC in one transaction (fast), as the text
      // the bridge itself writes for each type (timestamps as 'yyyy-MM-dd HH:mm:ssZ', booleans 0/1).
      db.dropTables(table).then(db.createTables(table)).block();
      jdbc = DriverManager.getConnection("jdbc:sqlite:" + file);
      try (Statement s = jdbc.createStatement()) {
        s.execute("PRAGMA journal_mode = WAL");
      }
      jdbc.setAutoCommit(false);
      OffsetDateTime t0 = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
      try (PreparedStatement ps = jdbc.prepareStatement("INSERT INTO " + table.name() + " ("
          + BenchSupport.COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
        for (int g = 1; g <= rows; g++) {
          ps.setInt(1, g);
          ps.setString(2, "item-" + g);
          ps.setLong(3, g * 1000L);
          ps.setString(4, TS.format(t0.plusSeconds(g)));
          ps.setInt(5, g % 2 == 0 ? 1 : 0);
          ps.addBatch();
          if (g % 5000 == 0) {
            ps.executeBatch();
          }
        }
        ps.executeBatch();
      }
      jdbc.commit();
      jdbc.setAutoCommit(true);
      try (Statement s = jdbc.createStatement()) {
        s.execute("ANALYZE");
        try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
          rs.next();
          if (!"wal".equalsIgnoreCase(rs.getString(1))) {
            throw new IllegalStateException("not WAL: " + rs.getString(1));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The raw JDBC mapping: by index, into the same record. The timestamp text is parsed the way the
   * bridge parses it (its fixed layout read field by field, then {@code ZoneOffset}), so the
   * comparison measures the bridge's plumbing, not a choice of date parser.
   */
  static Item map(ResultSet rs) throws SQLException {
    return new Item(rs.getInt(1), rs.getString(2), rs.getLong(3), parseTs(rs.getString(4)),
        rs.getInt(5) != 0);
  }

  /** {@link #map} through {@code getObject}, the way the bridge reads values (by storage class). */
  static Item mapObjects(ResultSet rs) throws SQLException {
    return new Item(((Number) rs.getObject(1)).intValue(), (String) rs.getObject(2),
        ((Number) rs.getObject(3)).longValue(), parseTs((String) rs.getObject(4)),
        ((Number) rs.getObject(5)).intValue() != 0);
  }

  /**
   * The timestamp text as the bridge reads it: the layout it writes ({@code yyyy-MM-dd HH:mm:ss} and
   * an offset) field by field, anything else with {@code LocalDate}/{@code LocalTime.parse}.
   */
  static OffsetDateTime parseTs(String t) {
    int off = 11;
    while (off < t.length() && t.charAt(off) != 'Z' && t.charAt(off) != '+'
        && t.charAt(off) != '-') {
      off++;
    }
    LocalDateTime local;
    if (off == 19 && t.charAt(4) == '-' && t.charAt(7) == '-' && t.charAt(10) == ' '
        && t.charAt(13) == ':' && t.charAt(16) == ':') {
      local = LocalDateTime.of(num(t, 0, 4), num(t, 5, 7), num(t, 8, 10), num(t, 11, 13),
          num(t, 14, 16), num(t, 17, 19));
    } else {
      local = LocalDate.parse(t.substring(0, 10)).atTime(LocalTime.parse(t.substring(11, off)));
    }
    boolean utc = off == t.length() || off == t.length() - 1 && t.charAt(off) == 'Z';
    return local.atOffset(utc ? ZoneOffset.UTC : ZoneOffset.of(t.substring(off)));
  }

  private static int num(String t, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("not a number in " + t);
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  @Override
  public void close() {
    try {
      jdbc.close();
    } catch (SQLException ignored) {
      // best effort
    }
    BenchSupport.dispose(db, pool);
    BenchSupport.dispose(dbCallerRuns, callerRunsPool);
    dbOwnPool.close().block();
    ownPool.close().block();
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      try {
        Files.deleteIfExists(dir.resolve("bench.db" + suffix));
      } catch (IOException ignored) {
        // best effort
      }
    }
    try {
      Files.deleteIfExists(dir);
    } catch (IOException ignored) {
      // best effort
    }
  }
}
