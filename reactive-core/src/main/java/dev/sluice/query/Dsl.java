package dev.sluice.query;

import dev.sluice.sql.Between;
import dev.sluice.sql.CompareOp;
import dev.sluice.sql.Comparison;
import dev.sluice.sql.Condition;
import dev.sluice.sql.Expr;
import dev.sluice.sql.Field;
import dev.sluice.sql.InList;
import dev.sluice.sql.Like;
import dev.sluice.sql.Logical;
import dev.sluice.sql.Not;
import dev.sluice.sql.NullCheck;
import dev.sluice.sql.OrderItem;
import dev.sluice.sql.Param;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The typed condition and ordering functions, meant for static import:
 *
 * <pre>{@code
 * import static dev.sluice.query.Dsl.*;
 * db.selectFrom(CITIES).where(and(eq(CITIES.countryId, 1), or(eq(CITIES.name, "Dan"), isNull(CITIES.popularity))))
 * // PostgreSQL: ... WHERE "country_id" = $1 AND ("name" = $2 OR "popularity" IS NULL)
 * }</pre>
 *
 * Aggregates, functions, subqueries and raw SQL are inherited from {@link Functions}.
 * Every value becomes a bind parameter. A value of the wrong type does not compile:
 * {@code eq(CITIES.id, "42")} is rejected because {@code id} is a {@code Column<Integer>}.
 */
public final class Dsl extends Functions {
  private Dsl() {}

  /** A bound value of {@code field}'s type. */
  public static <T> Param<T> value(Field<T> field, T value) {
    return new Param<>(value, field.dataType());
  }

  /** {@code field = value}; a null value renders {@code field IS NULL}. */
  public static <T> Condition eq(Field<T> field, T value) {
    return value == null ? isNull(field) : cmp(field, CompareOp.EQ, value);
  }

  /** {@code a = b}. */
  public static <T> Condition eq(Field<T> a, Field<T> b) { return cmp(a, CompareOp.EQ, b); }

  /** {@code field <> value}; a null value renders {@code field IS NOT NULL}. */
  public static <T> Condition ne(Field<T> field, T value) {
    return value == null ? isNotNull(field) : cmp(field, CompareOp.NE, value);
  }

  public static <T> Condition ne(Field<T> a, Field<T> b) { return cmp(a, CompareOp.NE, b); }

  public static <T> Condition gt(Field<T> field, T value) { return cmp(field, CompareOp.GT, value); }

  public static <T> Condition gt(Field<T> a, Field<T> b) { return cmp(a, CompareOp.GT, b); }

  public static <T> Condition gte(Field<T> field, T value) { return cmp(field, CompareOp.GTE, value); }

  public static <T> Condition gte(Field<T> a, Field<T> b) { return cmp(a, CompareOp.GTE, b); }

  public static <T> Condition lt(Field<T> field, T value) { return cmp(field, CompareOp.LT, value); }

  public static <T> Condition lt(Field<T> a, Field<T> b) { return cmp(a, CompareOp.LT, b); }

  public static <T> Condition lte(Field<T> field, T value) { return cmp(field, CompareOp.LTE, value); }

  public static <T> Condition lte(Field<T> a, Field<T> b) { return cmp(a, CompareOp.LTE, b); }

  /** {@code field BETWEEN low AND high}, inclusive. */
  public static <T> Condition between(Field<T> field, T low, T high) {
    return new Between(field.expr(), value(field, nonNull(low, "low")),
        value(field, nonNull(high, "high")), false);
  }

  /** {@code field NOT BETWEEN low AND high}. */
  public static <T> Condition notBetween(Field<T> field, T low, T high) {
    return new Between(field.expr(), value(field, nonNull(low, "low")),
        value(field, nonNull(high, "high")), true);
  }

  /** {@code field IN (v1, v2, ...)}; an empty set matches nothing. */
  @SafeVarargs
  public static <T> Condition in(Field<T> field, T... values) {
    return in(field, Arrays.asList(values));
  }

  public static <T> Condition in(Field<T> field, Collection<? extends T> values) {
    return new InList(field.expr(), params(field, values), false);
  }

  /** {@code field NOT IN (v1, v2, ...)}; an empty set matches everything. */
  @SafeVarargs
  public static <T> Condition notIn(Field<T> field, T... values) {
    return notIn(field, Arrays.asList(values));
  }

  public static <T> Condition notIn(Field<T> field, Collection<? extends T> values) {
    return new InList(field.expr(), params(field, values), true);
  }

  public static Condition isNull(Field<?> field) { return new NullCheck(field.expr(), false); }

  public static Condition isNotNull(Field<?> field) { return new NullCheck(field.expr(), true); }

  /** {@code field LIKE pattern} with {@code %} and {@code _} wildcards. */
  public static Condition like(Field<String> field, String pattern) {
    return new Like(field.expr(), value(field, nonNull(pattern, "pattern")), false, false);
  }

  public static Condition notLike(Field<String> field, String pattern) {
    return new Like(field.expr(), value(field, nonNull(pattern, "pattern")), false, true);
  }

  /** Case-insensitive LIKE: {@code ILIKE} where the database has it, else {@code LOWER(a) LIKE LOWER(b)}. */
  public static Condition ilike(Field<String> field, String pattern) {
    return new Like(field.expr(), value(field, nonNull(pattern, "pattern")), true, false);
  }

  public static Condition not(Condition condition) {
    return new Not(Objects.requireNonNull(condition, "condition"));
  }

  /** All conditions hold. Nested ANDs are flattened. */
  public static Condition and(Condition... conditions) { return logical(true, conditions); }

  /** At least one condition holds. Nested ORs are flattened. */
  public static Condition or(Condition... conditions) { return logical(false, conditions); }

  /** Ascending order on {@code field}. */
  public static OrderItem asc(Field<?> field) {
    return new OrderItem(field.expr(), false, OrderItem.Nulls.DEFAULT);
  }

  /** Descending order on {@code field}. */
  public static OrderItem desc(Field<?> field) {
    return new OrderItem(field.expr(), true, OrderItem.Nulls.DEFAULT);
  }

  private static Condition logical(boolean and, Condition... conditions) {
    return Logical.of(and, conditions);
  }

  private static <T> Condition cmp(Field<T> field, CompareOp op, T value) {
    if (value == null) {
      throw new IllegalArgumentException(op.name().toLowerCase() + " value must not be null; use isNull()/isNotNull()");
    }
    return new Comparison(field.expr(), op, value(field, value));
  }

  private static <T> Condition cmp(Field<T> a, CompareOp op, Field<T> b) {
    return new Comparison(a.expr(), op, b.expr());
  }

  private static <T> List<Expr<?>> params(Field<T> field, Collection<? extends T> values) {
    List<Expr<?>> out = new ArrayList<>(values.size());
    for (T v : values) {
      out.add(value(field, nonNull(v, "in() value")));
    }
    return out;
  }

  private static <T> T nonNull(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " must not be null; use isNull()/isNotNull()");
    }
    return value;
  }
}
