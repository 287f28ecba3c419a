package dev.sluice.internal;

import dev.sluice.schema.DataType;
import dev.sluice.schema.RecordMapping;
import dev.sluice.sql.Expr;
import java.util.List;
import java.util.function.Function;

/** Builds the {@link RowReader}s for records, joins and typed projections (the generic {@code Row}'s are the builders'). */
public final class Readers {
  private Readers() {}

  /** Reads the value at {@code index} as {@code type}'s Java type, through its codec. */
  public static <T> T value(io.r2dbc.spi.Row row, int index, DataType<T> type) {
    if (type.codec() instanceof dev.sluice.schema.JsonCodec<T> json) {
      return json.read(row.get(index, String.class), JsonRows.of(row));
    }
    return type.fromDriver(row.get(index, type.driverType()));
  }

  /** The data types of a select list, for reading its values ({@link ValueTypes#values}). */
  public static ValueTypes types(List<? extends Expr<?>> select) {
    return ValueTypes.of(select);
  }

  /** A reader for a record whose components are the select list, in order. */
  public static <R> RowReader<R> record(RecordMapping<R> mapping) {
    ValueTypes types = ValueTypes.ofColumns(mapping.columns());
    return row -> mapping.newInstance(types.values(row));
  }

  /**
   * A reader for a raw query's rows: each column of {@code mapping}'s table found by name (ignoring
   * case) and read as its type; a missing column is a {@link dev.sluice.error.MappingException} naming it.
   */
  public static <R> RowReader<R> recordByName(RecordMapping<R> mapping, String table) {
    List<dev.sluice.schema.Column<?>> columns = mapping.columns();
    return row -> {
      Object[] values = new Object[columns.size()];
      for (int i = 0; i < values.length; i++) {
        dev.sluice.schema.Column<?> c = columns.get(i);
        try {
          values[i] = c.dataType().codec() instanceof dev.sluice.schema.JsonCodec<?> json
              ? json.read(row.get(c.name(), String.class), JsonRows.of(row))
              : c.dataType().fromDriver(row.get(c.name(), c.dataType().driverType()));
        } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
          throw new dev.sluice.error.MappingException("The raw query's rows have no column " + c.name()
              + " for table " + table + ": they have " + labels(row), e);
        }
      }
      return mapping.newInstance(values);
    };
  }

  /** The labels of {@code row}'s columns, as the driver names them. */
  public static List<String> labels(io.r2dbc.spi.Row row) {
    List<? extends io.r2dbc.spi.ColumnMetadata> meta = row.getMetadata().getColumnMetadatas();
    List<String> names = new java.util.ArrayList<>(meta.size());
    meta.forEach(m -> names.add(m.getName()));
    return names;
  }

  /**
   * A reader for a join: one record per table, read from consecutive slices of the select list; a
   * table whose values are all null (the unmatched side of an outer join) gives null.
   */
  public static RowReader<Object[]> joined(List<dev.sluice.schema.Table<?>> tables,
      List<? extends Expr<?>> select) {
    ValueTypes types = types(select);
    int n = tables.size();
    RecordMapping<?>[] mappings = new RecordMapping<?>[n];
    int[] starts = new int[n + 1];
    for (int i = 0; i < n; i++) {
      mappings[i] = tables.get(i).meta().rowMapping();
      if (mappings[i] == null) {
        throw new dev.sluice.error.MappingException("Table " + tables.get(i).name() + " has no record "
            + "row type; read this join as generic rows with fetch()");
      }
      starts[i + 1] = starts[i] + mappings[i].columns().size();
    }
    return row -> {
      Object[] records = new Object[n];
      for (int t = 0; t < n; t++) {
        // each table's values read straight into the array its record is built from
        Object[] slice = new Object[starts[t + 1] - starts[t]];
        boolean any = false;
        for (int j = 0; j < slice.length; j++) {
          Object v = types.value(row, starts[t] + j);
          slice[j] = v;
          any |= v != null;
        }
        records[t] = any ? mappings[t].newInstance(slice) : null;
      }
      return records;
    };
  }

  /** The columns a table contributes to a select list: its record's, or all of them. */
  public static List<Expr<?>> columnsOf(dev.sluice.schema.Table<?> table) {
    RecordMapping<?> m = table.meta().rowMapping();
    List<Expr<?>> out = new java.util.ArrayList<>();
    (m != null ? m.columns() : table.columns()).forEach(c -> out.add(c.expr()));
    return out;
  }

  /** A reader that reads the select list into an array and applies {@code fn}. */
  public static <T> RowReader<T> array(List<? extends Expr<?>> select, Function<Object[], T> fn) {
    ValueTypes types = types(select);
    return row -> fn.apply(types.values(row));
  }
}
