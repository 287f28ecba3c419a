package dev.sluice.contract;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Database names of this test run. Every test JVM gets its own suffix, so two runs on one machine
 * (two helpers, CI and a developer) never drop each other's tables. {@code -Dsluice.run.id=...}
 * fixes the suffix, e.g. to look at a run's database afterwards.
 */
public final class RunDatabases {
  /** This JVM's run id: the process id and a random part, lower case, safe in an identifier. */
  public static final String RUN_ID = System.getProperty("sluice.run.id",
      ProcessHandle.current().pid() + "_"
          + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff))).toLowerCase(Locale.ROOT);

  private RunDatabases() { }

  /** {@code prefix} with this run's suffix, e.g. {@code sluice_pg_4711_1a2b3}. */
  public static String name(String prefix) {
    return prefix + "_" + RUN_ID;
  }

  /**
   * Drops and creates {@code database} through an admin connection to {@code adminUrl} and drops it
   * again when the JVM exits (PostgreSQL's and MariaDB's {@code DROP DATABASE IF EXISTS}).
   */
  public static void recreate(String adminUrl, String database, String dropSuffix) {
    run(adminUrl, "DROP DATABASE IF EXISTS " + database + dropSuffix, "CREATE DATABASE " + database);
  }

  /** Drops {@code database} when this JVM exits, best effort. */
  public static void dropOnExit(String adminUrl, String database, String dropSuffix) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        run(adminUrl, "DROP DATABASE IF EXISTS " + database + dropSuffix);
      } catch (RuntimeException e) {
        System.err.println("could not drop test database " + database + ": " + e.getMessage());
      }
    }, "drop-" + database));
  }

  private static void run(String adminUrl, String... statements) {
    Mono.usingWhen(Mono.from(ConnectionFactories.get(adminUrl).create()),
        (Connection c) -> Flux.fromArray(statements)
            .concatMap(sql -> Flux.from(c.createStatement(sql).execute()).concatMap(r -> r.getRowsUpdated()))
            .then(),
        Connection::close).block(Duration.ofSeconds(30));
  }
}
