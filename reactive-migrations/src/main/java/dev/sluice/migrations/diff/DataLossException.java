package dev.sluice.migrations.diff;

import dev.sluice.migrations.MigrationException;
import java.util.List;
import java.util.stream.Collectors;

/** A plan holds destructive changes and data loss was not allowed; {@link #findings()} lists them. */
public final class DataLossException extends MigrationException {
  private final transient List<DataLossLint.Finding> findings;

  public DataLossException(List<DataLossLint.Finding> findings) {
    super("The migration can lose data; allow data loss to generate it anyway:\n"
        + findings.stream().map(f -> "  - " + f.reason()).collect(Collectors.joining("\n")));
    this.findings = List.copyOf(findings);
  }

  /** The destructive changes and why each is flagged. */
  public List<DataLossLint.Finding> findings() { return findings; }
}
