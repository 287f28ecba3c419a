package dev.sluice.maven;

import dev.sluice.migrations.cli.SchemaClasses;
import dev.sluice.migrations.diff.RenameResolver;
import dev.sluice.migrations.runner.Reports;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code sluice:generate}: writes a migration named {@code name} from the difference between the
 * last snapshot and the schema classes ({@code schema}, found on the class path), as
 * {@code sluice generate}. Rename questions are answered by {@code renames} or fail the build;
 * destructive changes need {@code allowDataLoss}.
 */
@Mojo(name = "generate", requiresProject = false, threadSafe = true)
public final class GenerateMojo extends SluiceMojo {
  /** The migration's name (lower-case words joined by {@code _}). */
  @Parameter(property = "sluice.name", required = true)
  String name;

  /** Answers to rename questions: {@code table.old:new} (a column) or {@code old:new} (a table). */
  @Parameter(property = "sluice.renames")
  List<String> renames = new ArrayList<>();

  /** Allow destructive changes (drops, narrowing, NOT NULL). */
  @Parameter(property = "sluice.allowDataLoss", defaultValue = "false")
  boolean allowDataLoss;

  /** What the last run wrote. */
  Reports.GenerateReport report;

  @Override String goal() { return "generate"; }

  @Override boolean needsDirectory() { return false; }

  @Override void run() {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("Missing the migration's name: set <name> or -Dsluice.name=...");
    }
    if (schema == null || schema.isBlank()) {
      throw new IllegalArgumentException("Missing the schema: set <schema> (packages or classes) or -Dsluice.schema=...");
    }
    report = withMigrator((m, loader) -> m.generate(name, SchemaClasses.snapshot(schema, loader, m.dialect()),
        RenameResolver.flags(renames == null ? List.of() : renames), allowDataLoss).block(Duration.ofMinutes(5)));
    if (report.migration() == null) {
      getLog().info("Nothing to generate: the schema code matches the last snapshot.");
    } else {
      report.findings().forEach(f -> getLog().warn("data loss allowed: " + f.reason()));
      getLog().info("Wrote " + report.migration().dir() + " (" + report.plan().changes().size() + " changes)");
    }
  }
}
