package dev.sluice.migrations.runner;

import dev.sluice.migrations.MigrationException;

/**
 * {@link Migrator#baseline(String)} was refused because the history table already has rows: a
 * baseline is for adopting Sluice on a database it has never migrated. Nothing was written. The CLI
 * exits with code 10 on it.
 */
public final class BaselineRefusedException extends MigrationException {
  private final int rows;

  public BaselineRefusedException(String historyTable, int rows) {
    super("Cannot baseline: the history table " + historyTable + " already has " + rows + " row" + (rows == 1 ? "" : "s")
        + "; a baseline is for a database Sluice has not migrated yet. Nothing was written.");
    this.rows = rows;
  }

  /** How many history rows were there. */
  public int rows() { return rows; }
}
