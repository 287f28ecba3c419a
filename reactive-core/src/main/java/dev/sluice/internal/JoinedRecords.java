package dev.sluice.internal;

import dev.sluice.error.MappingException;
import dev.sluice.schema.Table;
import dev.sluice.sql.Expr;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Reads a joined row into one result record with a component per joined table:
 * {@code record CityRow(City city, Country country)} for {@code CITIES JOIN COUNTRIES}. A component
 * takes the next joined table whose row record is of its type (so a self-join's two sides fill two
 * components of one type in join order); the unmatched side of an outer join is null. Checked
 * before anything runs.
 */
public final class JoinedRecords {
  private JoinedRecords() {}

  /** A reader of {@code tables}' rows, selected in order by {@code select}, into records of {@code type}. */
  public static <X> RowReader<X> reader(List<Table<?>> tables, List<? extends Expr<?>> select, Class<X> type) {
    if (!type.isRecord()) {
      throw new MappingException(type.getName() + " is not a record; a joined row maps to a record with one"
          + " component per table");
    }
    RecordComponent[] comps = type.getRecordComponents();
    int[] table = new int[comps.length];
    boolean[] used = new boolean[tables.size()];
    for (int i = 0; i < comps.length; i++) {
      table[i] = -1;
      for (int t = 0; t < tables.size() && table[i] < 0; t++) {
        if (!used[t] && tables.get(t).rowType() == comps[i].getType()) {
          table[i] = t;
          used[t] = true;
        }
      }
      if (table[i] < 0) {
        throw new MappingException("Record component " + type.getSimpleName() + "." + comps[i].getName()
            + " of type " + comps[i].getType().getSimpleName() + " is the row record of no joined table left"
            + " (joined: " + tables.stream().map(t -> t.qualifier() + " " + t.rowType().getSimpleName()).toList()
            + ")");
      }
    }
    RowReader<Object[]> records = Readers.joined(tables, select);
    MethodHandle constructor = Shape.constructorOf(type);
    return row -> {
      Object[] r = records.read(row);
      Object[] args = new Object[table.length];
      for (int i = 0; i < args.length; i++) {
        args[i] = r[table[i]];
      }
      return type.cast(Shape.construct(constructor, type, args));
    };
  }
}
