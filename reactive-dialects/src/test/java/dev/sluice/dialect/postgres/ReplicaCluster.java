package dev.sluice.dialect.postgres;

import dev.sluice.dialect.AdminQuery;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The streaming replica of the local PostgreSQL that {@code scripts/pg-replica.sh} keeps on port
 * 5434 (never the shared cluster on 5432, which it only reads from): ensured, stopped and started
 * through the script, and waited for until it has replayed what the primary wrote.
 */
final class ReplicaCluster {
  static final String PORT = System.getenv().getOrDefault("SLUICE_PG_REPLICA_PORT", "5434");
  static final String PRIMARY_ADMIN = "r2dbc:postgresql://postgres@127.0.0.1:5432/postgres";
  static final String REPLICA_ADMIN = "r2dbc:postgresql://postgres@127.0.0.1:" + PORT + "/postgres";
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final Path script = script();

  /** Ensures the replica runs; failing that, fails under CI=true and skips visibly outside it. */
  void require() {
    String out = exec("ensure");
    if (out != null) {
      String why = "The PostgreSQL replica (port " + PORT + ", scripts/pg-replica.sh) could not be started: " + out;
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(why + " — CI=true, so this is a failure, not a skip");
      }
      Assumptions.abort(why + " — skipped outside CI");
    }
  }

  void stop() { run("stop"); }

  void start() { run("start"); }

  /** Waits until the replica has replayed everything the primary had written when this was called. */
  void awaitReplay() {
    String lsn = scalar(PRIMARY_ADMIN, "SELECT pg_current_wal_lsn()::text");
    await("the replica to replay up to " + lsn, () -> AdminQuery.sum(ConnectionFactories.get(REPLICA_ADMIN),
        "SELECT CASE WHEN pg_last_wal_replay_lsn() >= $1::pg_lsn THEN 1 ELSE 0 END", lsn) == 1);
  }

  /** Waits until the database {@code name}, created on the primary, is on the replica. */
  void awaitDatabase(String name) {
    await("database " + name + " on the replica", () -> AdminQuery.sum(ConnectionFactories.get(REPLICA_ADMIN),
        "SELECT count(*) FROM pg_database WHERE datname = $1", name) == 1);
  }

  /** Pauses WAL replay on the replica (what it shows stops moving) and waits until it is paused. */
  void pauseReplay() {
    AdminQuery.sum(ConnectionFactories.get(REPLICA_ADMIN), "SELECT 0 FROM (SELECT pg_wal_replay_pause()) p");
    await("replay to pause", () -> "paused".equals(scalar(REPLICA_ADMIN, "SELECT pg_get_wal_replay_pause_state()")));
  }

  void resumeReplay() {
    AdminQuery.sum(ConnectionFactories.get(REPLICA_ADMIN), "SELECT 0 FROM (SELECT pg_wal_replay_resume()) p");
  }

  /** Polls {@code condition} every 50 ms until it holds; fails after a minute (a hung setup, not a measurement). */
  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        Assertions.fail("Gave up waiting for " + what + " after " + WAIT.toSeconds() + " s");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  static String scalar(String url, String sql) {
    ConnectionFactory f = ConnectionFactories.get(url);
    return Mono.usingWhen(Mono.from(f.create()),
        (Connection c) -> Flux.from(c.createStatement(sql).execute())
            .concatMap(r -> r.map((row, m) -> String.valueOf(row.get(0)))).next(),
        Connection::close).block(Duration.ofSeconds(30));
  }

  private void run(String command) {
    String out = exec(command);
    if (out != null) {
      Assertions.fail(script + " " + command + " failed: " + out);
    }
  }

  /** Runs the script; null on success, else its exit status and output. */
  private String exec(String command) {
    try {
      Process p = new ProcessBuilder(script.toString(), command).redirectErrorStream(true).start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "timed out after 120 s";
      }
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.exitValue() == 0 ? null : "exit " + p.exitValue() + ": " + output;
    } catch (IOException e) {
      return e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e.toString();
    }
  }

  /** The repository's scripts/pg-replica.sh, found from the working directory upwards. */
  private static Path script() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("scripts/pg-replica.sh");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("scripts/pg-replica.sh not found above " + Path.of("").toAbsolutePath());
  }
}
