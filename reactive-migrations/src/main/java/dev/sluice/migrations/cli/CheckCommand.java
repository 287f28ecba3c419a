package dev.sluice.migrations.cli;

import dev.sluice.Database;
import dev.sluice.migrations.runner.Migrator;
import dev.sluice.migrations.runner.Reports.CheckReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sluice check [--url u] [--dir d] [--json]}: integrity and branch conflicts of the
 * directory, and with {@code --url} its differences from the database's history. Exits 0 when
 * nothing was found, 7 on an integrity mismatch, 8 on anything else (conflicts, changed, missing,
 * failed or out-of-order migrations).
 */
@Command(name = "check", description = "Check the directory's integrity and branch conflicts (and, with --url, the database's history); for CI.")
final class CheckCommand implements Callable<Integer> {
  @Option(names = "--url", description = "R2DBC URL of a database to compare the history of (optional)")
  String url;

  @Option(names = "--dir", defaultValue = "db/migrations", description = "Migrations directory (default: ${DEFAULT-VALUE})")
  Path dir;

  @Option(names = "--json", description = "Print the report as JSON")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override public Integer call() {
    CheckReport r;
    if (url == null) {
      r = Migrator.checkDirectory(dir).block(Duration.ofMinutes(5));
    } else {
      Database db = Database.builder().url(url).poolSize(2).build();
      try {
        r = Migrator.builder(db).directory(dir).build().check().block(Duration.ofMinutes(5));
      } finally {
        db.close().block(Duration.ofSeconds(30));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println("{\"ok\": " + r.ok() + ", \"integrity\": " + Json.strings(r.integrity())
          + ", \"sharedParents\": " + Json.strings(r.sharedParents()) + ", \"misplaced\": " + Json.strings(r.misplaced())
          + ", \"changed\": " + Json.strings(r.changed()) + ", \"missing\": " + Json.strings(r.missing())
          + ", \"failed\": " + Json.strings(r.failed()) + ", \"outOfOrder\": " + Json.strings(r.outOfOrder()) + "}");
    } else {
      print(out, "integrity", r.integrity());
      print(out, "conflict", r.conflicts());
      print(out, "changed", r.changed());
      print(out, "missing", r.missing());
      print(out, "failed", r.failed());
      print(out, "out of order", r.outOfOrder());
      if (r.ok()) {
        out.println("OK: " + dir + " matches sluice.sum and has no branch conflicts.");
      }
    }
    return r.ok() ? SluiceCli.OK : !r.integrity().isEmpty() ? SluiceCli.INTEGRITY : SluiceCli.CONFLICT;
  }

  private static void print(PrintWriter out, String kind, List<String> findings) {
    findings.forEach(f -> out.println(kind + ": " + f));
  }
}
