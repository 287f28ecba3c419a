package dev.sluice.schema;

import java.util.List;

/**
 * An index declared as a field of a table: {@code public final Index byName = uniqueIndex(name);}.
 *
 * @param table   the indexed table
 * @param name    the index name ({@code <table>_<columns>_index} unless given)
 * @param columns the indexed columns, in order
 * @param unique  whether it is a unique index
 * @param where   a partial-index predicate written in the schema code, or null
 */
public record Index(Table<?> table, String name, List<Column<?>> columns, boolean unique, String where) {
  public Index {
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("An index needs at least one column");
    }
  }

  /** The same index, partial: only rows matching {@code predicateSql} are indexed. */
  public Index where(String predicateSql) {
    return new Index(table, name, columns, unique, predicateSql);
  }

  /** The same index under another name. */
  public Index named(String newName) {
    return new Index(table, newName, columns, unique, where);
  }
}
