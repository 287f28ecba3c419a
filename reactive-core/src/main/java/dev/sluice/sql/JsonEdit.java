package dev.sluice.sql;

import dev.sluice.schema.DataType;
import java.util.List;
import java.util.Objects;

/**
 * A JSON document with the value at a path of keys set ({@link Kind#SET}) or removed
 * ({@link Kind#REMOVE}), for {@code UPDATE ... SET doc = ...}: PostgreSQL {@code jsonb_set} /
 * {@code #-}, MySQL and MariaDB {@code JSON_SET} / {@code JSON_REMOVE}, SQLite {@code json_set} /
 * {@code json_remove}, SQL Server {@code JSON_MODIFY}, Oracle {@code JSON_TRANSFORM}. The keys are
 * bound or escaped as for {@link JsonPath}; the value is bound as JSON.
 *
 * @param document the JSON document (a {@code json}/{@code jsonb} column or expression)
 * @param keys     the object keys, outermost first (at least one)
 * @param kind     set or remove
 * @param value    the value set, bound as JSON text ({@code SET}; else null)
 * @param <T> the Java type of the document
 */
public record JsonEdit<T>(Expr<T> document, List<String> keys, Kind kind, Param<?> value)
    implements Expr<T> {
  /** What is done at the path. */
  public enum Kind { SET, REMOVE }

  public JsonEdit {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(kind, "kind");
    keys = List.copyOf(keys);
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("A JSON path needs at least one key");
    }
    if ((kind == Kind.REMOVE) != (value == null)) {
      throw new IllegalArgumentException("A JSON set needs a value and a removal none");
    }
  }

  @Override public DataType<T> dataType() { return document.dataType(); }

  @Override public <C> void accept(SqlVisitor<C> v, C ctx) { v.visitJsonEdit(this, ctx); }
}
