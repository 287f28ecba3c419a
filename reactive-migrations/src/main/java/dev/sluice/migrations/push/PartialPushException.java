package dev.sluice.migrations.push;

import dev.sluice.migrations.MigrationException;
import java.util.List;

/**
 * A push failed partway on a database whose DDL is not transactional (MySQL, MariaDB, H2): the
 * statements before the failed one stay applied. The message names the failed statement and lists
 * the applied ones; after a repair (or as it is), pushing again diffs from what the database now holds.
 */
public final class PartialPushException extends MigrationException {
  private final String failedStatement;
  private final transient List<String> appliedStatements;

  public PartialPushException(String failedStatement, List<String> appliedStatements, Throwable cause) {
    super("Push failed at statement " + (appliedStatements.size() + 1) + ": " + failedStatement
        + "\n  cause: " + cause.getMessage()
        + "\n  already applied (DDL is not transactional here, so these stay): "
        + (appliedStatements.isEmpty() ? "none" : "\n    " + String.join(";\n    ", appliedStatements)), cause);
    this.failedStatement = failedStatement;
    this.appliedStatements = List.copyOf(appliedStatements);
  }

  public String failedStatement() { return failedStatement; }

  public List<String> appliedStatements() { return appliedStatements; }
}
