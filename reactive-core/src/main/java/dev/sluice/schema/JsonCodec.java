package dev.sluice.schema;

import java.lang.reflect.Type;
import java.util.Objects;

/**
 * The codec of a typed JSON column ({@code json(name, Item.class)}): its values are written and read
 * as JSON text by the {@link JsonMapping} of the database that runs the statement. A written value
 * is bound as a {@link Pending} value, turned into text when it is bound to the statement; a read
 * value is parsed by {@link #read}.
 *
 * @param <T> the Java type of the column's values
 */
public final class JsonCodec<T> implements Codec<T> {
  private final Type type;
  private final String column;

  /**
   * @param type   the Java type of the values
   * @param column the column, as {@code table.column}, for error messages
   */
  public JsonCodec(Type type, String column) {
    this.type = Objects.requireNonNull(type, "type");
    this.column = Objects.requireNonNull(column, "column");
  }

  /** The Java type of the values. */
  public Type type() { return type; }

  /** The column, as {@code table.column}. */
  public String column() { return column; }

  @Override public Class<?> storedType() { return String.class; }

  /** Equal for the same type and column, so equal column types key the same cached rendering. */
  @Override public boolean equals(Object o) {
    return o instanceof JsonCodec<?> c && c.type.equals(type) && c.column.equals(column);
  }

  @Override public int hashCode() { return type.hashCode() * 31 + column.hashCode(); }

  @Override public String toString() { return "JsonCodec[" + column + " " + type.getTypeName() + "]"; }

  /** A value to be written as JSON by the mapping of the database that binds it. */
  @Override public Object toDb(T value) { return new Pending(value, this); }

  /** Reads {@code stored} (JSON text) with the default mapping. */
  @Override public T fromDb(Object stored) { return read(stored, JsonMapping.defaults()); }

  /** Reads {@code stored} (JSON text) with {@code mapping}. */
  @SuppressWarnings("unchecked")
  public T read(Object stored, JsonMapping mapping) {
    if (stored == null) {
      return null;
    }
    return (T) mapping.read(stored.toString(), type, column);
  }

  /**
   * A value of a typed JSON column on its way to the driver: {@link #text} makes its JSON text with a
   * mapping; {@link #toString} with the default one (for logs, cache keys and golden SQL).
   *
   * @param value the Java value
   * @param codec the column's codec
   */
  public record Pending(Object value, JsonCodec<?> codec) {
    public Pending {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(codec, "codec");
    }

    /** The JSON text of the value, written by {@code mapping}. */
    public String text(JsonMapping mapping) {
      return mapping.write(value, codec.type, codec.column);
    }

    @Override public String toString() {
      return text(JsonMapping.defaults());
    }
  }
}
