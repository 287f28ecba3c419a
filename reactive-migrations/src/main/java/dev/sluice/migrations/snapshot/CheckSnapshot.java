package dev.sluice.migrations.snapshot;

import java.util.Objects;

/**
 * A check constraint.
 *
 * @param name the constraint name ({@code <table>_<column>_check} for a column's {@code check(sql)})
 * @param sql  the boolean expression, as SQL
 */
public record CheckSnapshot(String name, String sql) {
  public CheckSnapshot {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sql, "sql");
  }
}
