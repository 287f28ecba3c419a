package dev.sluice.schema;

import java.util.List;

/**
 * A composite primary key declared as a table field: {@code public final PrimaryKey pk = primaryKey(userId, groupId);}.
 *
 * @param columns the key columns, in order
 */
public record PrimaryKey(List<Column<?>> columns) {
  public PrimaryKey {
    columns = List.copyOf(columns);
  }
}
