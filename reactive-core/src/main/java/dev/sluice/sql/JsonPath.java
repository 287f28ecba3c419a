package dev.sluice.sql;

import dev.sluice.schema.DataType;
import java.util.List;
import java.util.Objects;

/**
 * A scalar read from a JSON document by a path of object keys, as text, integer, number or boolean:
 * PostgreSQL {@code ("meta" -> $1 ->> $2)}, MySQL {@code JSON_UNQUOTE(JSON_EXTRACT(`meta`, ?))},
 * SQLite {@code json_extract("meta", ?)}. The keys are data: bound, or (where the database needs a
 * literal path) written as an escaped literal; never spliced as SQL.
 *
 * @param document the JSON document (a {@code json}/{@code jsonb} column)
 * @param keys     the object keys, outermost first (at least one)
 * @param as       what the value is read as
 * @param type     the result type
 * @param <T> the Java result type
 */
public record JsonPath<T>(Expr<?> document, List<String> keys, As as, DataType<T> type) implements Expr<T> {
  /** What a path's value is read as. */
  public enum As { TEXT, INTEGER, NUMBER, BOOLEAN }

  public JsonPath {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(as, "as");
    keys = List.copyOf(keys);
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("A JSON path needs at least one key");
    }
  }

  /**
   * The SQL/JSON path of the keys, each quoted: {@code $."address"."city"}; a {@code "} or
   * {@code \} inside a key is escaped with a backslash.
   */
  public static String sqlJsonPath(List<String> keys) {
    StringBuilder s = new StringBuilder("$");
    for (String k : keys) {
      s.append(".\"").append(k.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return s.toString();
  }

  @Override public DataType<T> dataType() { return type; }

  @Override public <C> void accept(SqlVisitor<C> v, C ctx) { v.visitJsonPath(this, ctx); }
}
