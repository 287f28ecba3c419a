package dev.sluice.maven;

import dev.sluice.migrations.runner.Migrator;
import dev.sluice.migrations.runner.Reports.CheckReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code sluice:check}: the directory's integrity ({@code sluice.sum}) and branch conflicts, and with
 * a {@code url} its differences from the database's history; fails the build on any finding, as
 * {@code sluice check} exits non-zero. Bound to {@code verify} when listed in a build's executions.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public final class CheckMojo extends SluiceMojo {
  /** What the last run found. */
  CheckReport report;

  @Override String goal() { return "check"; }

  @Override void run() throws MojoFailureException {
    requireDirectory();
    report = url == null || url.isBlank()
        ? Migrator.checkDirectory(dir.toPath()).block(Duration.ofMinutes(5))
        : withMigrator(m -> m.check().block(Duration.ofMinutes(5)));
    List<String> findings = new ArrayList<>();
    report.integrity().forEach(f -> findings.add("integrity: " + f));
    report.conflicts().forEach(f -> findings.add("conflict: " + f));
    report.changed().forEach(f -> findings.add("changed: " + f));
    report.missing().forEach(f -> findings.add("missing: " + f));
    report.failed().forEach(f -> findings.add("failed: " + f));
    report.outOfOrder().forEach(f -> findings.add("out of order: " + f));
    findings.forEach(f -> getLog().error(f));
    if (!findings.isEmpty()) {
      throw new MojoFailureException("sluice:check found " + findings.size() + " problem(s): " + String.join("; ", findings));
    }
    getLog().info("OK: " + dir + " matches sluice.sum and has no branch conflicts.");
  }
}
