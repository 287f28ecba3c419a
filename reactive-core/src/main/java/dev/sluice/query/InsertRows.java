package dev.sluice.query;

import dev.sluice.error.MappingException;
import dev.sluice.schema.Column;
import dev.sluice.schema.DataType;
import dev.sluice.schema.RecordMapping;
import dev.sluice.schema.Table;
import dev.sluice.sql.Expr;
import dev.sluice.sql.InsertQuery;
import dev.sluice.sql.Param;
import java.util.ArrayList;
import java.util.List;

/** Turns records into INSERT statements: which columns go in, and one bound value per cell. */
final class InsertRows {
  private InsertRows() {}

  static <R> RecordMapping<R> mapping(Table<R> table) {
    RecordMapping<R> m = table.meta().rowMapping();
    if (m == null) {
      throw new MappingException("Cannot insert into " + table.name() + ": its row type "
          + table.rowType().getName() + " is not a record");
    }
    return m;
  }

  /**
   * One INSERT for {@code rows}. A column the database fills itself (serial, SQL default) is left
   * out when every row leaves it null; a Java-side default replaces a null.
   */
  static <R> InsertQuery build(Table<R> table, List<? extends R> rows, boolean returning) {
    return build(table, rows, returning, null, java.time.Clock.systemUTC());
  }

  /**
   * One INSERT for {@code rows}, with an optional conflict clause; {@code createdAt()} and
   * {@code updatedAt()} columns a row leaves null get the time of {@code clock}.
   */
  static <R> InsertQuery build(Table<R> table, List<? extends R> rows, boolean returning,
      dev.sluice.sql.Upsert upsert, java.time.Clock clock) {
    RecordMapping<R> m = mapping(table);
    dev.sluice.schema.TableMeta<R> meta = table.meta();
    boolean stamps = meta.managesWrites();
    Object createdNow = meta.createdAt() == null ? null : Stamps.now(meta.createdAt(), clock);
    Object updatedNow = meta.updatedAt() == null ? null : Stamps.now(meta.updatedAt(), clock);
    Object firstVersion = meta.version() == null ? null : Stamps.onInsert(meta, meta.version(), clock);
    List<Column<?>> mapped = m.columns();
    List<Integer> keep = new ArrayList<>(mapped.size());
    for (int i = 0; i < mapped.size(); i++) {
      Column<?> c = mapped.get(i);
      if (c.isGeneratedAlways()) {
        if (anyNonNull(m, rows, i)) {
          GeneratedColumns.refuseWrite(c, "a record inserted gives it a value (leave the component null)");
        }
        continue;
      }
      if (!c.hasDatabaseDefault() || c.defaultValue() != null || anyNonNull(m, rows, i)
          || stamps && Stamps.filledOnInsert(meta, c)) {
        keep.add(i);
      } 
    }
    List<Column<?>> columns = new ArrayList<>(keep.size());
    for (int i : keep) {
      columns.add(mapped.get(i));
    }
    List<List<Expr<?>>> values = new ArrayList<>(rows.size());
    for (int r = 0; r < rows.size(); r++) {
      R row = rows.get(r);
      if (row == null) {
        throw new IllegalArgumentException("Row " + r + " inserted into " + table.name() + " is null");
      }
      List<Expr<?>> cells = new ArrayList<>(keep.size());
      for (int i : keep) {
        Column<?> c = mapped.get(i);
        Object v = m.get(row, i);
        if (v == null && stamps && Stamps.filledOnInsert(meta, c)) {
          v = c.equals(meta.createdAt()) ? createdNow : c.equals(meta.updatedAt()) ? updatedNow : firstVersion;
        } else if (v == null && c.defaultValue() != null) {
          v = c.defaultValue();
        } else if (v == null && c.dataType().kind().isGenerated() && rows.size() > 1) {
          throw new MappingException("Column " + c + " is null in row " + r + " but set in other "
              + "rows of the same batch; insert generated keys either in every row or in none");
        }
        cells.add(param(c.dataType(), v));
      }
      values.add(cells);
    }
    return new InsertQuery(table, columns, values, returning ? mapped : List.of(),
        upsert == null ? null : onlyInserted(Stamps.forUpsert(meta, upsert), columns));
  }

  /**
   * One INSERT of partial rows: the columns every row sets, in the table's declaration order, and
   * nothing for the columns no row sets (the database fills them). Every row must set the same
   * columns, so that no row gets a NULL it did not ask for.
   */
  static <R> InsertQuery buildPartial(Table<R> table, List<Values<R>> rows, boolean returning,
      dev.sluice.sql.Upsert upsert, java.time.Clock clock) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("No rows to insert into " + table.name());
    }
    dev.sluice.schema.TableMeta<R> meta = table.meta();
    Values<R> first = rows.get(0);
    List<Column<?>> columns = new ArrayList<>(first.columns().size());
    List<Column<?>> stamped = new ArrayList<>(2);
    for (Column<?> c : table.columns()) {
      if (first.has(c)) {
        columns.add(c);
      } else if (meta.managesWrites() && Stamps.filledOnInsert(meta, c)) {
        stamped.add(c);
      }
    }
    List<Expr<?>> stampValues = new ArrayList<>(stamped.size());
    for (Column<?> c : stamped) {
      stampValues.add(param(c.dataType(), Stamps.onInsert(meta, c, clock)));
    }
    List<List<Expr<?>>> values = new ArrayList<>(rows.size());
    for (int r = 0; r < rows.size(); r++) {
      Values<R> row = rows.get(r);
      if (row == null) {
        throw new IllegalArgumentException("Row " + r + " inserted into " + table.name() + " is null");
      }
      if (row.table() != table) {
        throw new IllegalArgumentException("Row " + r + " holds values of table " + row.table().name()
            + ", not of " + table.name());
      }
      if (row.columns().size() != columns.size() || !columns.stream().allMatch(row::has)) {
        throw new IllegalArgumentException("Row " + r + " inserted into " + table.name() + " sets "
            + names(row.columns()) + " but row 0 sets " + names(columns)
            + "; every row of one insert must set the same columns");
      }
      List<Expr<?>> cells = new ArrayList<>(columns.size() + stamped.size());
      for (Column<?> c : columns) {
        cells.add(row.valueOf(c));
      }
      cells.addAll(stampValues);
      values.add(cells);
    }
    List<Column<?>> all = columns;
    if (!stamped.isEmpty()) {
      all = new ArrayList<>(columns);
      all.addAll(stamped);
    }
    return new InsertQuery(table, all, values, returning ? mapping(table).columns() : List.of(),
        upsert == null ? null : onlyInserted(Stamps.forUpsert(meta, upsert), all));
  }

  private static List<String> names(List<Column<?>> columns) {
    return columns.stream().map(Column::name).toList();
  }

  /**
   * The upsert limited to columns this statement inserts: a column every row leaves to its database
   * default (a serial key, a {@code DEFAULT now()}) is never overwritten on the existing row.
   */
  private static dev.sluice.sql.Upsert onlyInserted(dev.sluice.sql.Upsert upsert,
      List<Column<?>> inserted) {
    List<Column<?>> update = upsert.update().stream().filter(inserted::contains).toList();
    return update.size() == upsert.update().size() ? upsert
        : new dev.sluice.sql.Upsert(upsert.conflict(), update);
  }

  private static <R> boolean anyNonNull(RecordMapping<R> m, List<? extends R> rows, int i) {
    for (R row : rows) {
      if (row != null && m.get(row, i) != null) {
        return true;
      }
    }
    return false;
  }

  @SuppressWarnings("unchecked")
  private static <T> Param<T> param(DataType<T> type, Object value) {
    return new Param<>((T) value, type);
  }

  /** Checks that the conflict columns belong to the table and starts the conflict step. */
  static <R, I> OnConflict<I> onConflict(Table<R> table, dev.sluice.schema.Column<?>[] columns,
      java.util.function.Function<dev.sluice.sql.Upsert, I> next) {
    for (dev.sluice.schema.Column<?> c : columns) {
      if (c.table() != table) {
        throw new IllegalArgumentException("Conflict column " + c + " does not belong to table " + table.name());
      }
    }
    return new OnConflict<>(List.of(columns), mapping(table).columns(), next);
  }

  /** The conflict step of a partial insert: only the columns it sets can be overwritten. */
  static <R, I> OnConflict<I> onConflict(Table<R> table, Column<?>[] conflict, List<Column<?>> set,
      java.util.function.Function<dev.sluice.sql.Upsert, I> next) {
    for (Column<?> c : conflict) {
      if (c.table() != table) {
        throw new IllegalArgumentException("Conflict column " + c + " does not belong to table " + table.name());
      }
    }
    return new OnConflict<>(List.of(conflict), set, next);
  }

  /** How many rows one statement may carry, given the dialect's bind limit. */
  static int rowsPerStatement(int columns, int maxBinds, int maxRows) {
    return Math.max(1, Math.min(maxRows, maxBinds / Math.max(1, columns)));
  }
}
