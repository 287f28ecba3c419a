package dev.sluice.query;

import dev.sluice.Row;
import dev.sluice.internal.Readers;
import dev.sluice.internal.RowReader;
import dev.sluice.sql.Expr;
import java.util.List;

/** The readers of the generic {@link Row}, which the builders hand to execution. */
final class RowReaders {
  private RowReaders() {}

  /** A reader for a raw query's rows: values as the driver returns them, with their labels. */
  static RowReader<Row> named() {
    return row -> {
      List<String> names = Readers.labels(row);
      Object[] values = new Object[names.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = row.get(i);
      }
      return Row.named(names, values);
    };
  }

  /** A reader for the generic {@link Row} of {@code select}. */
  static RowReader<Row> row(List<Expr<?>> select) {
    dev.sluice.internal.ValueTypes types = Readers.types(select);
    return row -> new Row(select, types.values(row));
  }
}
