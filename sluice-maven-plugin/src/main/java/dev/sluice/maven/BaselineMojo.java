package dev.sluice.maven;

import dev.sluice.migrations.runner.Reports;
import java.time.Duration;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code sluice:baseline}: records every migration up to and including {@code to} as applied without
 * running it, for a database that already has that schema; fails, writing nothing, when the history
 * has rows. As {@code sluice baseline --to}.
 */
@Mojo(name = "baseline", requiresProject = false, threadSafe = true)
public final class BaselineMojo extends SluiceMojo {
  /** The last migration the database already has (by name). */
  @Parameter(property = "sluice.to", required = true)
  String to;

  /** What the last run recorded. */
  Reports.BaselineReport report;

  @Override String goal() { return "baseline"; }

  @Override void run() {
    if (to == null || to.isBlank()) {
      throw new IllegalArgumentException("Missing the migration to baseline to: set <to> or -Dsluice.to=...");
    }
    report = withMigrator(m -> m.baseline(to).block(Duration.ofMinutes(5)));
    report.baselined().forEach(n -> getLog().info("baselined " + n));
    getLog().info("Baselined " + report.baselined().size() + " migration(s) (recorded, not run).");
  }
}
