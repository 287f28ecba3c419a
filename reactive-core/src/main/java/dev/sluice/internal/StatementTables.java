package dev.sluice.internal;

import dev.sluice.schema.Table;
import dev.sluice.sql.Param;
import dev.sluice.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The tables a statement reads: every {@link Table} in its syntax tree (FROM, joins, subqueries,
 * common tables, the tables of a view's query), found by walking the tree's records as the render cache's key does.
 */
final class StatementTables {
  private final RenderKey.Accessors accessors = new RenderKey.Accessors();

  Set<String> read(Statement statement) {
    Set<String> names = new HashSet<>();
    walk(statement, names);
    return Set.copyOf(names);
  }

  private void walk(Object node, Set<String> names) {
    if (node instanceof Table<?> t) {
      names.add(t.name());
      if (t instanceof dev.sluice.schema.View<?> v) { // a view reads what its query reads
        walk(v.query(), names);
      }
    } else if (node instanceof Param<?>) {
      return;
    } else if (node instanceof List<?> list) {
      for (Object o : list) {
        walk(o, names);
      }
    } else if (node instanceof Record r) {
      Function<Object, Object>[] components = accessors.get(r.getClass());
      if (components != null) {
        for (Function<Object, Object> c : components) {
          walk(c.apply(r), names);
        }
      }
    }
  }
}
