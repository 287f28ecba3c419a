package dev.sluice.sql;

import dev.sluice.schema.Column;
import java.util.List;

/**
 * What an INSERT does when a row already exists: {@code ON CONFLICT (conflict) DO NOTHING | DO
 * UPDATE SET ...}, or the dialect's equivalent (ON DUPLICATE KEY UPDATE, MERGE).
 *
 * @param conflict the columns of the unique key that detects the existing row
 * @param update   the columns to overwrite with the new row's values; empty means do nothing
 */
public record Upsert(List<Column<?>> conflict, List<Column<?>> update) {
  public Upsert {
    conflict = List.copyOf(conflict);
    update = List.copyOf(update);
    if (conflict.isEmpty()) {
      throw new IllegalArgumentException("onConflict(...) needs at least one column");
    }
  }

  /** True for DO NOTHING. */
  public boolean doNothing() { return update.isEmpty(); }
}
