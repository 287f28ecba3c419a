package dev.sluice.migrations.snapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One table: its columns in declaration order, primary key, and constraints and indexes sorted by
 * name (so that two snapshots of the same schema are equal and serialize to the same text).
 *
 * @param name        the SQL name
 * @param columns     the columns, in declaration order
 * @param primaryKey  the primary key columns, in key order (empty for none)
 * @param foreignKeys the foreign keys
 * @param uniques     the unique constraints
 * @param indexes     the indexes
 * @param checks      the check constraints
 * @param schema      the database schema ({@code SqlSchema} in code), or null for the default one
 */
public record TableSnapshot(String name, List<ColumnSnapshot> columns, List<String> primaryKey,
                            List<ForeignKeySnapshot> foreignKeys, List<UniqueSnapshot> uniques,
                            List<IndexSnapshot> indexes, List<CheckSnapshot> checks, String schema) {
  /** A table in the default schema. */
  public TableSnapshot(String name, List<ColumnSnapshot> columns, List<String> primaryKey,
                       List<ForeignKeySnapshot> foreignKeys, List<UniqueSnapshot> uniques,
                       List<IndexSnapshot> indexes, List<CheckSnapshot> checks) {
    this(name, columns, primaryKey, foreignKeys, uniques, indexes, checks, null);
  }

  public TableSnapshot {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
    foreignKeys = sorted(foreignKeys, ForeignKeySnapshot::name);
    uniques = sorted(uniques, UniqueSnapshot::name);
    indexes = sorted(indexes, IndexSnapshot::name);
    checks = sorted(checks, CheckSnapshot::name);
  }

  /** The same table in another database schema (null for the default one). */
  public TableSnapshot withSchema(String newSchema) {
    return new TableSnapshot(name, columns, primaryKey, foreignKeys, uniques, indexes, checks, newSchema);
  }

  /** The column named {@code columnName}, if any. */
  public Optional<ColumnSnapshot> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  /** The same table under another name. */
  public TableSnapshot withName(String newName) {
    return new TableSnapshot(newName, columns, primaryKey, foreignKeys, uniques, indexes, checks, schema);
  }

  /** The same table with other columns. */
  public TableSnapshot withColumns(List<ColumnSnapshot> newColumns) {
    return new TableSnapshot(name, newColumns, primaryKey, foreignKeys, uniques, indexes, checks, schema);
  }

  /** The same table with other foreign keys. */
  public TableSnapshot withForeignKeys(List<ForeignKeySnapshot> newForeignKeys) {
    return new TableSnapshot(name, columns, primaryKey, newForeignKeys, uniques, indexes, checks, schema);
  }

  /** The same table with other indexes. */
  public TableSnapshot withIndexes(List<IndexSnapshot> newIndexes) {
    return new TableSnapshot(name, columns, primaryKey, foreignKeys, uniques, newIndexes, checks, schema);
  }

  /** The same table with other unique constraints. */
  public TableSnapshot withUniques(List<UniqueSnapshot> newUniques) {
    return new TableSnapshot(name, columns, primaryKey, foreignKeys, newUniques, indexes, checks, schema);
  }

  /** The same table with other checks. */
  public TableSnapshot withChecks(List<CheckSnapshot> newChecks) {
    return new TableSnapshot(name, columns, primaryKey, foreignKeys, uniques, indexes, newChecks, schema);
  }

  static <T> List<T> sorted(List<T> items, Function<T, String> key) {
    if (items == null) {
      return List.of();
    }
    List<T> copy = new ArrayList<>(items);
    copy.sort(Comparator.comparing(key));
    return List.copyOf(copy);
  }
}
