package dev.sluice.studio;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A table as the studio shows it: its name and columns, in order. The studio writes SQL only with
 * these names (quoted by the dialect); a table or column named in a request is looked up here and
 * refused when it is not found.
 *
 * <pre>{@code
 * StudioTable users = StudioTable.of(USERS);                        // from schema code
 * StudioTable notes = new StudioTable("notes", List.of(             // from anywhere else
 *     StudioColumn.of("id", SqlKind.BIGINT, false, true), StudioColumn.of("body", SqlKind.TEXT, true, false)));
 * }</pre>
 *
 * @param name    the table's name in the database
 * @param columns its columns, in the order the page shows them
 */
public record StudioTable(String name, List<StudioColumn> columns) {
  public StudioTable {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    if (name.isEmpty()) {
      throw new IllegalArgumentException("A table needs a name");
    }
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("Table " + name + " has no column");
    }
    Set<String> seen = new HashSet<>();
    for (StudioColumn c : columns) {
      if (!seen.add(c.name())) {
        throw new IllegalArgumentException("Table " + name + " has two columns named " + c.name());
      }
    }
  }

  /** The table of schema code: its columns, nullability and primary key. */
  public static StudioTable of(Table<?> table) {
    List<Column<?>> key = table.meta().primaryKey();
    return new StudioTable(table.name(), table.columns().stream()
        .map(c -> StudioColumn.of(c, key.contains(c) || c.isPrimaryKey())).toList());
  }

  /** The column named exactly {@code columnName}, if the table has one. */
  public Optional<StudioColumn> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  /** The primary key's columns, in table order; empty when the table has none (then rows are not editable). */
  public List<StudioColumn> primaryKey() {
    return columns.stream().filter(StudioColumn::primaryKey).toList();
  }
}
