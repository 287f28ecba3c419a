package dev.sluice.query;

import dev.sluice.internal.Readers;
import dev.sluice.schema.Table;
import dev.sluice.sql.Condition;
import dev.sluice.sql.Expr;
import dev.sluice.sql.Join;
import dev.sluice.sql.JoinType;
import dev.sluice.sql.SelectQuery;
import java.util.ArrayList;
import java.util.List;

/** Adds a joined table to a query: its columns go to the end of the select list. */
final class Joins {
  private Joins() {}

  static SelectQuery add(SelectQuery query, JoinType type, Table<?> table, Condition on) {
    List<Expr<?>> select = new ArrayList<>(query.select());
    select.addAll(Readers.columnsOf(table));
    return query.withSelect(select).withJoin(new Join(type, table, on));
  }

  static List<Table<?>> plus(List<Table<?>> tables, Table<?> table) {
    List<Table<?>> out = new ArrayList<>(tables);
    out.add(table);
    return List.copyOf(out);
  }
}
