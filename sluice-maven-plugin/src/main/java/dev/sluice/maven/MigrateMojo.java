package dev.sluice.maven;

import dev.sluice.migrations.runner.Migrator;
import dev.sluice.migrations.runner.Reports;
import java.time.Duration;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code sluice:migrate}: applies every migration the database lacks (or up to {@code target}), as {@code sluice migrate}. */
@Mojo(name = "migrate", requiresProject = false, threadSafe = true)
public final class MigrateMojo extends SluiceMojo {
  /** Apply migrations up to and including this one (by name). */
  @Parameter(property = "sluice.target")
  String target;

  /** Apply migrations even when there are branch conflicts. */
  @Parameter(property = "sluice.allowConflicts", defaultValue = "false")
  boolean allowConflicts;

  /** What the last run applied (for tests and other mojos). */
  Reports.MigrateReport report;

  @Override String goal() { return "migrate"; }

  @Override void run() {
    report = withMigrator(m -> (target == null ? m.migrate() : m.migrateTo(target)).block(Duration.ofHours(1)));
    report.warnings().forEach(w -> getLog().warn(w));
    report.applied().forEach(a -> getLog().info("applied " + a.name() + " (" + a.durationMs() + " ms)"));
    report.repeatables().forEach(a -> getLog().info("repeated " + a.name() + " (" + a.durationMs() + " ms)"));
    report.skipped().forEach(s -> getLog().info("skipped " + s + " (applied by another runner)"));
    getLog().info(report.applied().isEmpty() ? "Nothing to apply." : "Applied " + report.applied().size() + " migration(s).");
  }

  @Override Migrator.Builder configure(Migrator.Builder b) {
    return allowConflicts ? b.allowConflicts() : b;
  }
}
