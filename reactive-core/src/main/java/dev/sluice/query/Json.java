package dev.sluice.query;

import dev.sluice.schema.DataType;
import dev.sluice.schema.SqlKind;
import dev.sluice.sql.Condition;
import dev.sluice.sql.Field;
import dev.sluice.schema.JsonCodec;
import dev.sluice.sql.JsonCondition;
import dev.sluice.sql.JsonEdit;
import dev.sluice.sql.JsonPath;
import dev.sluice.sql.Param;
import java.util.List;
import java.util.Objects;

/**
 * Typed reads of, tests on and writes into JSON documents ({@code json()}/{@code jsonb()} columns,
 * text or typed), usable in select, where and order by like any field ({@link #set}/{@link #remove}
 * in {@code update(...).set(column, ...)}). The keys are data, bound (or escaped where a database
 * wants a literal path), so a hostile key cannot change the statement.
 *
 * <pre>{@code
 * db.select(USERS.id, Json.text(USERS.meta, "address", "city")).from(USERS)
 *     .where(gt(Json.integer(USERS.meta, "age"), 30L)).fetch(...);
 * // PostgreSQL: SELECT "id", ("meta" -> $1 ->> $2) FROM "users" WHERE CAST(("meta" ->> $3) AS BIGINT) > $4
 * // MySQL:      SELECT `id`, JSON_UNQUOTE(JSON_EXTRACT(`meta`, ?)) FROM `users` WHERE ...
 * }</pre>
 *
 * Where a database lacks a form it is refused with {@link dev.sluice.error.UnsupportedByDialectException}
 * when the statement is rendered (H2 has no JSON path functions; containment exists on PostgreSQL,
 * CockroachDB, MySQL and MariaDB only).
 */
public final class Json {
  private static final DataType<String> TEXT = DataType.of(SqlKind.TEXT, String.class);
  private static final DataType<Long> BIGINT = DataType.of(SqlKind.BIGINT, Long.class);
  private static final DataType<Double> DOUBLE = DataType.of(SqlKind.DOUBLE, Double.class);
  private static final DataType<Boolean> BOOLEAN = DataType.of(SqlKind.BOOLEAN, Boolean.class);

  private Json() {}

  /** The text of the scalar at {@code keys} (a JSON string unquoted), or null where there is none. */
  public static Field<String> text(Field<?> document, String... keys) {
    return new JsonPath<>(json(document), keys(keys), JsonPath.As.TEXT, TEXT);
  }

  /** The integer at {@code keys}. */
  public static Field<Long> integer(Field<?> document, String... keys) {
    return new JsonPath<>(json(document), keys(keys), JsonPath.As.INTEGER, BIGINT);
  }

  /** The number at {@code keys}, as a double. */
  public static Field<Double> number(Field<?> document, String... keys) {
    return new JsonPath<>(json(document), keys(keys), JsonPath.As.NUMBER, DOUBLE);
  }

  /** The boolean at {@code keys}. */
  public static Field<Boolean> bool(Field<?> document, String... keys) {
    return new JsonPath<>(json(document), keys(keys), JsonPath.As.BOOLEAN, BOOLEAN);
  }

  /**
   * The document has a value at {@code keys} (a JSON {@code null} counts). PostgreSQL:
   * {@code ("meta" -> $1) IS NOT NULL}; MySQL: {@code JSON_CONTAINS_PATH(`meta`, 'one', ?) = 1}.
   */
  public static Condition hasPath(Field<?> document, String... keys) {
    return new JsonCondition(json(document), JsonCondition.Kind.HAS_PATH, keys(keys), null);
  }

  /**
   * The document contains {@code json} (every key and value of it, recursively). PostgreSQL:
   * {@code "meta" @> CAST($1 AS JSONB)}; MySQL: {@code JSON_CONTAINS(`meta`, ?) = 1}.
   */
  public static Condition contains(Field<?> document, String json) {
    Objects.requireNonNull(json, "json");
    return new JsonCondition(json(document), JsonCondition.Kind.CONTAINS, List.of(), new Param<>(json, TEXT));
  }

  /**
   * The document with {@code value} set at {@code keys}, for {@code update(...).set(column, ...)}: an
   * existing key is replaced and a missing last key added (its parent must exist). The value is
   * bound as JSON: a string, number or boolean as that JSON scalar, a record, map or list as the
   * JSON the database's {@link dev.sluice.schema.JsonMapping} writes, null as JSON {@code null}.
   *
   * <pre>{@code
   * db.update(USERS).set(USERS.meta, Json.set(USERS.meta, "Lima", "address", "city")).where(eq(USERS.id, 7));
   * // PostgreSQL: UPDATE "users" SET "meta" = jsonb_set("meta", CAST(ARRAY[$1, $2] AS TEXT[]), $3::jsonb, true) WHERE "id" = $4
   * // MySQL:      UPDATE `users` SET `meta` = JSON_SET(`meta`, ?, JSON_EXTRACT(?, '$')) WHERE `id` = ?
   * }</pre>
   *
   * H2 has no JSON writes and refuses it ({@link dev.sluice.error.UnsupportedByDialectException}).
   */
  @SuppressWarnings("unchecked")
  public static <T> Field<T> set(Field<T> document, Object value, String... keys) {
    List<String> path = keys(keys);
    Param<?> bound;
    if (value == null) {
      bound = new Param<>("null", DataType.of(SqlKind.JSONB, String.class));
    } else {
      Class<Object> type = (Class<Object>) value.getClass();
      JsonCodec<Object> codec = new JsonCodec<>(type, name(document) + " at " + JsonPath.sqlJsonPath(path));
      bound = new Param<>(value, new DataType<>(SqlKind.JSONB, type, 0, 0, 0, null, codec));
    }
    return new JsonEdit<>((dev.sluice.sql.Expr<T>) json(document), path, JsonEdit.Kind.SET, bound);
  }

  /**
   * The document without the value at {@code keys} (unchanged where there is none). PostgreSQL:
   * {@code ("meta" #- CAST(ARRAY[$1, $2] AS TEXT[]))}; MySQL: {@code JSON_REMOVE(`meta`, ?)}.
   */
  @SuppressWarnings("unchecked")
  public static <T> Field<T> remove(Field<T> document, String... keys) {
    return new JsonEdit<>((dev.sluice.sql.Expr<T>) json(document), keys(keys), JsonEdit.Kind.REMOVE, null);
  }

  private static String name(Field<?> document) {
    return document instanceof dev.sluice.schema.Column<?> c ? c.table().name() + "." + c.name() : String.valueOf(document);
  }

  private static dev.sluice.sql.Expr<?> json(Field<?> document) {
    SqlKind k = Objects.requireNonNull(document, "document").dataType().kind();
    if (k != SqlKind.JSON && k != SqlKind.JSONB) {
      throw new IllegalArgumentException("A JSON path needs a json or jsonb value, not " + k + ": " + document);
    }
    return document.expr();
  }

  private static List<String> keys(String... keys) {
    if (keys.length == 0) {
      throw new IllegalArgumentException("A JSON path needs at least one key");
    }
    for (String k : keys) {
      Objects.requireNonNull(k, "A JSON path key must not be null");
    }
    return List.of(keys);
  }
}
