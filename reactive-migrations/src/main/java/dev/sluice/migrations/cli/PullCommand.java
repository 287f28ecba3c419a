package dev.sluice.migrations.cli;

import dev.sluice.migrations.pull.PullReport;
import dev.sluice.migrations.pull.Puller;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sluice pull --package p --out src/main/java}: writes a live database's schema as Java schema code. */
@Command(name = "pull", description = "Write the live database's schema as Java table classes, records and enums.")
final class PullCommand implements Callable<Integer> {
  @Option(names = "--package", paramLabel = "PACKAGE",
      description = "Package of the generated classes (env SLUICE_PACKAGE, config key package)")
  String packageName;

  @Option(names = "--out", defaultValue = "src/main/java", paramLabel = "DIR",
      description = "Source root to write under (default: ${DEFAULT-VALUE}; env SLUICE_OUT, config key out)")
  Path out;

  @Option(names = "--holder", defaultValue = "Tables", paramLabel = "CLASS",
      description = "Name of the class holding the table instances (default: ${DEFAULT-VALUE})")
  String holder;

  @Mixin DatabaseOptions database;
  @Mixin OutputOptions output;
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override public Integer call() {
    if (packageName == null || packageName.isBlank()) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "Missing the package: give --package com.acme.schema, set SLUICE_PACKAGE, or put package=... in sluice.properties");
    }
    Console console = output.console();
    PullReport r = database.withDatabase(db -> Puller.builder(db).packageName(packageName).holderClass(holder).into(out).build()
        .pull().block(Duration.ofMinutes(10)));
    if (output.json) {
      console.out().println(Json.object().put("tables", r.tables())
          .put("files", r.written().stream().map(Path::toString).toList()).put("warnings", r.warnings()));
    } else {
      r.warnings().forEach(w -> console.line("@|yellow note:|@ " + Console.text(w)));
      console.line("@|bold,green Wrote|@ " + r.written().size() + " files for " + r.tables().size() + " tables under "
          + Console.text(out.resolve(packageName.replace('.', '/')).toString()));
    }
    return SluiceCli.OK;
  }
}
