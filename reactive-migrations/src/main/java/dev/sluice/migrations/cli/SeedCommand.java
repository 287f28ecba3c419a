package dev.sluice.migrations.cli;

import dev.sluice.Database;
import dev.sluice.migrations.seed.SeedReport;
import dev.sluice.migrations.seed.Seeds;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sluice seed --url u --seeders com.acme.seed [--json]}: runs the {@link dev.sluice.migrations.seed.Seeder}
 * classes of the packages, in order, skipping those run once already or whose guard says the data is there.
 */
@Command(name = "seed", description = "Run the Seeder classes of packages, in order (idempotently where a seeder says so).")
final class SeedCommand implements Callable<Integer> {
  @Option(names = "--url", required = true, description = "R2DBC URL of the database, e.g. r2dbc:sqlite:///app.db")
  String url;

  @Option(names = "--seeders", required = true, split = ",",
      description = "Packages holding the Seeder classes (public, with a no-argument constructor)")
  List<String> packages;

  @Option(names = "--json", description = "Print the report as JSON")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override public Integer call() {
    Database db = Database.builder().url(url).poolSize(2).build();
    SeedReport r;
    try {
      Seeds.Builder b = Seeds.builder(db).classLoader(Thread.currentThread().getContextClassLoader());
      packages.forEach(b::seedersIn);
      r = b.build().run().block(Duration.ofHours(1));
    } finally {
      db.close().block(Duration.ofSeconds(30));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println("{\"ran\": " + Json.strings(r.ran()) + ", \"skipped\": " + Json.strings(r.skipped()) + "}");
    } else {
      r.ran().forEach(n -> out.println("seeded   " + n));
      r.skipped().forEach(n -> out.println("skipped  " + n));
    }
    return SluiceCli.OK;
  }
}
