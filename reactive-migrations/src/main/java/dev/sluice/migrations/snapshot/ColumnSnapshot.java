package dev.sluice.migrations.snapshot;

import java.util.Objects;

/**
 * One column of a table snapshot.
 *
 * @param name         the SQL name
 * @param type         the portable type
 * @param nullable     false for {@code NOT NULL} (and for primary key columns)
 * @param defaultValue the default, or null
 * @param identity     true for an auto-incrementing column ({@code serial}, {@code bigserial})
 */
public record ColumnSnapshot(String name, ColumnType type, boolean nullable, ColumnDefault defaultValue,
                             boolean identity) {
  public ColumnSnapshot {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  /** The same column under another name. */
  public ColumnSnapshot withName(String newName) {
    return new ColumnSnapshot(newName, type, nullable, defaultValue, identity);
  }

  /** The same column with another type. */
  public ColumnSnapshot withType(ColumnType newType) {
    return new ColumnSnapshot(name, newType, nullable, defaultValue, identity);
  }

  /** The same column, nullable or not. */
  public ColumnSnapshot withNullable(boolean newNullable) {
    return new ColumnSnapshot(name, type, newNullable, defaultValue, identity);
  }

  /** The same column with another default (null for none). */
  public ColumnSnapshot withDefault(ColumnDefault newDefault) {
    return new ColumnSnapshot(name, type, nullable, newDefault, identity);
  }
}
