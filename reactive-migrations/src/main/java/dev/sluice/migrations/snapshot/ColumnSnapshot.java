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
 * @param generated    how the database computes the column ({@code GENERATED ALWAYS AS}), or null
 */
public record ColumnSnapshot(String name, ColumnType type, boolean nullable, ColumnDefault defaultValue,
                             boolean identity, GeneratedSnapshot generated) {
  public ColumnSnapshot {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  /** A column that is not generated. */
  public ColumnSnapshot(String name, ColumnType type, boolean nullable, ColumnDefault defaultValue, boolean identity) {
    this(name, type, nullable, defaultValue, identity, null);
  }

  /** The same column, computed by {@code newGenerated} (null for a stored value). */
  public ColumnSnapshot withGenerated(GeneratedSnapshot newGenerated) {
    return new ColumnSnapshot(name, type, nullable, defaultValue, identity, newGenerated);
  }

  /** The same column under another name. */
  public ColumnSnapshot withName(String newName) {
    return new ColumnSnapshot(newName, type, nullable, defaultValue, identity, generated);
  }

  /** The same column with another type. */
  public ColumnSnapshot withType(ColumnType newType) {
    return new ColumnSnapshot(name, newType, nullable, defaultValue, identity, generated);
  }

  /** The same column, nullable or not. */
  public ColumnSnapshot withNullable(boolean newNullable) {
    return new ColumnSnapshot(name, type, newNullable, defaultValue, identity, generated);
  }

  /** The same column with another default (null for none). */
  public ColumnSnapshot withDefault(ColumnDefault newDefault) {
    return new ColumnSnapshot(name, type, nullable, newDefault, identity, generated);
  }
}
