package dev.sluice.dialect.sqlite;

import dev.sluice.dialect.ReplicaRoutingContract;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@link ReplicaRoutingContract} on SQLite: three files in a new directory under {@code target/}
 * stand for the primary and two replicas; a file in a directory that does not exist stands for a
 * replica that is down.
 */
class SqliteReplicaRoutingIT extends ReplicaRoutingContract {
  private Path dir;

  @Override protected void prepare() {
    try {
      Path base = Path.of(System.getProperty("sluice.sqlite.dir", "target/sqlite-it"));
      Files.createDirectories(base);
      dir = Files.createTempDirectory(base.toAbsolutePath(), "replicas-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override protected ConnectionFactory primary() { return at(dir.resolve("primary.db")); }

  @Override protected ConnectionFactory replica(int n) { return at(dir.resolve("replica-" + n + ".db")); }

  @Override protected ConnectionFactory unreachable() { return at(dir.resolve("missing/replica.db")); }

  private static ConnectionFactory at(Path file) {
    return ConnectionFactories.get("r2dbc:sqlite:///" + file.toAbsolutePath());
  }
}
