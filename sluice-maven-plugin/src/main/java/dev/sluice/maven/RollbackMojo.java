package dev.sluice.maven;

import dev.sluice.migrations.runner.Reports;
import java.time.Duration;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code sluice:rollback}: undoes the last {@code steps} applied migrations, or every one after {@code to}, as {@code sluice rollback}. */
@Mojo(name = "rollback", requiresProject = false, threadSafe = true)
public final class RollbackMojo extends SluiceMojo {
  /** How many migrations to undo. */
  @Parameter(property = "sluice.steps", defaultValue = "1")
  int steps = 1;

  /** Undo every migration newer than this one (by name), instead of {@code steps}. */
  @Parameter(property = "sluice.to")
  String to;

  /** What the last run undid. */
  Reports.RollbackReport report;

  @Override String goal() { return "rollback"; }

  @Override void run() {
    report = withMigrator(m -> (to == null ? m.rollback(steps) : m.rollbackTo(to)).block(Duration.ofHours(1)));
    report.rolledBack().forEach(a -> getLog().info("rolled back " + a.name() + " (" + a.durationMs() + " ms)"));
    getLog().info("Rolled back " + report.rolledBack().size() + " migration(s).");
  }
}
