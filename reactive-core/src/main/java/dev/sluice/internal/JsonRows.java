package dev.sluice.internal;

import dev.sluice.schema.JsonCodec;
import dev.sluice.schema.JsonMapping;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;

/**
 * Carries a database's {@link JsonMapping} to where typed JSON columns are written and read: a bound
 * {@link JsonCodec.Pending} value becomes JSON text, and a row read by the builders' readers is
 * wrapped so {@link Readers#value} parses JSON with the same mapping. Without a mapping of its own a
 * database uses {@link JsonMapping#defaults()} and rows pass unwrapped.
 */
final class JsonRows {
  private JsonRows() {}

  /** {@code row}, carrying {@code json} (itself when {@code json} is null). */
  static Row wrap(Row row, JsonMapping json) {
    return json == null || row instanceof Mapped ? row : new Mapped(row, json);
  }

  /** The JSON text of {@code pending}, written by {@code json} (null: the default mapping). */
  static String text(JsonCodec.Pending pending, JsonMapping json) {
    return pending.text(json == null ? JsonMapping.defaults() : json);
  }

  /** The mapping {@code row} carries, else the default one. */
  static JsonMapping of(Row row) {
    return row instanceof Mapped m ? m.json : JsonMapping.defaults();
  }

  /** A row that reads as the one it wraps and carries a JSON mapping. */
  private static final class Mapped implements Row {
    private final Row row;
    private final JsonMapping json;

    Mapped(Row row, JsonMapping json) {
      this.row = row;
      this.json = json;
    }

    @Override public RowMetadata getMetadata() { return row.getMetadata(); }

    @Override public <T> T get(int index, Class<T> type) { return row.get(index, type); }

    @Override public <T> T get(String name, Class<T> type) { return row.get(name, type); }
  }
}
