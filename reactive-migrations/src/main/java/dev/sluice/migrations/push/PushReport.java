package dev.sluice.migrations.push;

import dev.sluice.migrations.diff.DataLossLint;
import dev.sluice.migrations.diff.MigrationPlan;
import java.util.List;

/**
 * What {@link Pusher#push} found and did.
 *
 * @param plan       the changes from the live schema to the code, in run order (empty: nothing to do)
 * @param statements the SQL of the plan, in run order
 * @param findings   the data-loss findings (allowed, or the push would have failed)
 * @param applied    false for a dry run or an empty plan; true when the statements ran
 * @param durationMs how long introspection, diff and (unless a dry run) the statements took
 */
public record PushReport(MigrationPlan plan, List<String> statements, List<DataLossLint.Finding> findings, boolean applied,
                         long durationMs) {
  public PushReport {
    statements = List.copyOf(statements);
    findings = List.copyOf(findings);
  }

  /** True when the database already matched the code. */
  public boolean upToDate() { return plan.isEmpty(); }
}
