package dev.sluice.migrations.cli;

import dev.sluice.migrations.seed.SeedReport;
import dev.sluice.migrations.seed.Seeds;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sluice seed --url u --seeders com.acme.seed [--json]}: runs the {@link dev.sluice.migrations.seed.Seeder}
 * classes of the packages, in order, skipping those run once already or whose guard says the data is there.
 */
@Command(name = "seed", description = "Run the Seeder classes of packages, in order (idempotently where a seeder says so).")
final class SeedCommand implements Callable<Integer> {
  @Option(names = "--seeders", required = true, split = ",",
      description = "Packages holding the Seeder classes (public, with a no-argument constructor), found with --classpath")
  List<String> packages;

  @Mixin DatabaseOptions database;
  @Mixin ClasspathOptions classpath;
  @Mixin OutputOptions output;

  @Override public Integer call() {
    Console console = output.console();
    SeedReport r = classpath.withLoader(loader -> database.withDatabase(db -> {
      Seeds.Builder b = Seeds.builder(db).classLoader(loader);
      packages.forEach(b::seedersIn);
      return b.build().run().block(Duration.ofHours(1));
    }));
    if (output.json) {
      console.out().println(Json.object().put("ran", r.ran()).put("skipped", r.skipped()));
    } else {
      r.ran().forEach(n -> console.line("@|green seeded|@   " + Console.text(n)));
      r.skipped().forEach(n -> console.line("skipped  " + Console.text(n)));
    }
    return SluiceCli.OK;
  }
}
