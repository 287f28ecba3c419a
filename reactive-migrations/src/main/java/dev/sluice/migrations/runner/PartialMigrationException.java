package dev.sluice.migrations.runner;

import dev.sluice.migrations.MigrationException;
import java.util.List;

/**
 * A migration failed partway on a database whose DDL is not transactional (MySQL, MariaDB, H2): the
 * statements before the failed one stay applied. The message names the failed statement and lists
 * the applied ones, so that the operator can repair; the history keeps a failed row, and the next
 * run refuses until it is deleted.
 */
public final class PartialMigrationException extends MigrationException {
  private final String migration;
  private final String failedStatement;
  private final transient List<String> appliedStatements;

  public PartialMigrationException(String migration, int failedIndex, String failedStatement,
      List<String> appliedStatements, Throwable cause) {
    this(migration, failedIndex, failedStatement, appliedStatements, cause,
        "repair by hand, then delete its failed row from the history table");
  }

  /** The same, with what to do next ({@code repair}) said differently, as for a repeatable migration that records no failed row. */
  public PartialMigrationException(String migration, int failedIndex, String failedStatement,
      List<String> appliedStatements, Throwable cause, String repair) {
    super("Migration " + migration + " failed at statement " + (failedIndex + 1) + ": " + failedStatement
        + "\n  cause: " + cause.getMessage()
        + "\n  already applied (DDL is not transactional here, so these stay): "
        + (appliedStatements.isEmpty() ? "none" : "\n    " + String.join(";\n    ", appliedStatements))
        + "\n  " + repair, cause);
    this.migration = migration;
    this.failedStatement = failedStatement;
    this.appliedStatements = List.copyOf(appliedStatements);
  }

  public String migration() { return migration; }

  public String failedStatement() { return failedStatement; }

  public List<String> appliedStatements() { return appliedStatements; }
}
