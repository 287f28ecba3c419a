package dev.sluice.maven;

import dev.sluice.migrations.runner.Reports;
import java.time.Duration;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code sluice:status}: logs baselined, applied, pending, changed, missing and failed migrations,
 * and fails the build when any applied migration changed or failed (as {@code sluice status} exits 1).
 */
@Mojo(name = "status", requiresProject = false, threadSafe = true)
public final class StatusMojo extends SluiceMojo {
  /** What the last run found. */
  Reports.StatusReport report;

  @Override String goal() { return "status"; }

  @Override void run() throws MojoFailureException {
    report = withMigrator(m -> m.status().block(Duration.ofMinutes(5)));
    report.baselined().forEach(n -> getLog().info("baseline " + n));
    report.applied().forEach(n -> getLog().info("applied  " + n));
    report.pending().forEach(n -> getLog().info("pending  " + n));
    report.changed().forEach(n -> getLog().error("CHANGED  " + n));
    report.missing().forEach(n -> getLog().warn("missing  " + n));
    report.failed().forEach(n -> getLog().error("FAILED   " + n));
    getLog().info((report.baselined().isEmpty() ? "" : report.baselined().size() + " baselined, ") + report.applied().size()
        + " applied, " + report.pending().size() + " pending.");
    if (!report.changed().isEmpty() || !report.failed().isEmpty()) {
      throw new MojoFailureException("sluice:status: applied migrations changed " + report.changed() + " or failed "
          + report.failed());
    }
  }
}
