package dev.sluice.dialect.sqlite;

import dev.sluice.contract.DatabaseTarget;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * SQLite through the jdbc-sqlite-bridge: a fresh database file (WAL mode, foreign keys on) in a new
 * directory under {@code target/} for every connection factory, so each test class starts empty.
 * A file, not {@code :memory:}, because the pool opens several connections to one database.
 * {@code -Dsluice.sqlite.urlOptions=poolSize=16&callerRuns=true} runs the contracts on the bridge's
 * own pool with caller-runs (URL query options of the bridge).
 */
final class SqliteTarget implements DatabaseTarget {
  static final SqliteTarget INSTANCE = new SqliteTarget();

  @Override public String name() { return "sqlite"; }

  @Override public ConnectionFactory connectionFactory() {
    try {
      Path base = Path.of(System.getProperty("sluice.sqlite.dir", "target/sqlite-it"));
      Files.createDirectories(base);
      Path dir = Files.createTempDirectory(base.toAbsolutePath(), "db-");
      Path file = dir.resolve("sluice.db");
      dir.toFile().deleteOnExit();
      for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
        dir.resolve("sluice.db" + suffix).toFile().deleteOnExit();
      }
      String options = System.getProperty("sluice.sqlite.urlOptions", "");
      return ConnectionFactories.get("r2dbc:sqlite:///" + file.toAbsolutePath()
          + (options.isEmpty() ? "" : "?" + options));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SQLite is embedded: nothing to reach. */
  @Override public void requireReachable() { }
}
