package dev.sluice.studio;

import static dev.sluice.studio.Parts.PARTS;

import dev.sluice.Database;
import dev.sluice.contract.RunDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import reactor.core.publisher.Flux;

/**
 * A database of this test run's own with {@value #ROWS} parts: {@code part-01} ... {@code part-45},
 * ids 1 to 45. Part 1 holds the exact values JavaScript would round: price 9999999999.99, stock
 * 2^53 + 1. Every fifth part has no note; even parts are active; data is {@code \x00<id>ff}.
 */
final class StudioDatabase {
  static final int ROWS = 45;
  static final long BIG = 9_007_199_254_740_993L;
  static final Duration T = Duration.ofMinutes(2);

  private StudioDatabase() { }

  /** A fresh SQLite file under target/. */
  static Database sqlite() {
    try {
      Path base = Path.of("target", "studio-sqlite");
      Files.createDirectories(base);
      Path dir = Files.createTempDirectory(base.toAbsolutePath(), "db-" + RunDatabases.RUN_ID + "-");
      return seeded(Database.builder().url("r2dbc:sqlite:///" + dir.resolve("studio.db").toAbsolutePath()).poolSize(2).build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PostgreSQL database named after this run (dropped when the JVM exits). */
  static Database postgres(String prefix) {
    requireTcp("PostgreSQL", 5432);
    String admin = "r2dbc:postgresql://postgres@127.0.0.1:5432/test";
    String name = RunDatabases.name(prefix);
    RunDatabases.recreate(admin, name, " WITH (FORCE)");
    RunDatabases.dropOnExit(admin, name, " WITH (FORCE)");
    return seeded(Database.builder().url("r2dbc:postgresql://postgres@127.0.0.1:5432/" + name).poolSize(3).build());
  }

  /** A MariaDB database named after this run (dropped when the JVM exits). */
  static Database mariadb(String prefix) {
    requireTcp("MariaDB", 3306);
    String admin = "r2dbc:mariadb://root@127.0.0.1:3306/test";
    String name = RunDatabases.name(prefix);
    RunDatabases.recreate(admin, name, "");
    RunDatabases.dropOnExit(admin, name, "");
    return seeded(Database.builder().url("r2dbc:mariadb://root@127.0.0.1:3306/" + name).poolSize(3).build());
  }

  private static Database seeded(Database db) {
    db.createTables(PARTS).block(T);
    Flux.range(1, ROWS).concatMap(i -> db.sql("INSERT INTO parts (name, price, stock, active, note, data)"
        + " VALUES ({0}, {1}, {2}, {3}, " + (i % 5 == 0 ? "NULL" : "{5}") + ", {4})", String.format("part-%02d", i),
        i == 1 ? new BigDecimal("9999999999.99") : new BigDecimal(i + ".50"), i == 1 ? BIG : i * 10L, i % 2 == 0,
        new byte[] {0, (byte) i.intValue(), (byte) 0xff}, "note " + i).execute()).then().block(T);
    return db;
  }

  /** Unreachable fails under {@code CI=true}, else aborts (a visible skip), as the contract tests do. */
  static void requireTcp(String service, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
    } catch (IOException e) {
      String why = service + " is not reachable at 127.0.0.1:" + port + " (" + e.getMessage()
          + "); start it with scripts/services.sh";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(why + " — CI=true, so this is a failure, not a skip");
      }
      Assumptions.abort(why + " — skipped outside CI");
    }
  }
}
