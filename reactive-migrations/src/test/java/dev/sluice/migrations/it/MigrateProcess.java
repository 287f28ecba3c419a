package dev.sluice.migrations.it;

import dev.sluice.Database;
import dev.sluice.migrations.runner.Migrator;
import dev.sluice.migrations.runner.Reports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A second process for the SQLite concurrency test: {@code MigrateProcess <url> <dir> <go-file>}
 * opens the database, prints {@code ready}, waits for the go file (so that both processes start
 * migrating together), migrates, and prints {@code applied=<n> skipped=<m>}.
 */
public final class MigrateProcess {
  private MigrateProcess() { }

  public static void main(String[] args) throws Exception {
    Database db = Database.builder().url(args[0]).poolSize(2).build();
    try {
      Migrator m = Migrator.builder(db).directory(Path.of(args[1])).appliedBy("pid-" + ProcessHandle.current().pid()).build();
      System.out.println("ready");
      System.out.flush();
      Path go = Path.of(args[2]);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!Files.exists(go) && System.nanoTime() < deadline) {
        Thread.sleep(5);   // the process's main thread, not a Reactor thread
      }
      Reports.MigrateReport r = m.migrate().block(Duration.ofSeconds(90));
      System.out.println("applied=" + r.applied().size() + " skipped=" + r.skipped().size());
    } finally {
      db.close().block(Duration.ofSeconds(10));
    }
  }
}
