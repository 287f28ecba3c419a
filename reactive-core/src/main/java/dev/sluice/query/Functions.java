package dev.sluice.query;

import dev.sluice.schema.DataType;
import dev.sluice.schema.Table;
import dev.sluice.schema.NumericCodec;
import dev.sluice.schema.SqlKind;
import dev.sluice.sql.Aggregate;
import dev.sluice.sql.Arithmetic;
import dev.sluice.sql.CaseWhen;
import dev.sluice.sql.Cast;
import dev.sluice.sql.Condition;
import dev.sluice.sql.Exists;
import dev.sluice.sql.Expr;
import dev.sluice.sql.Field;
import dev.sluice.sql.FunctionCall;
import dev.sluice.sql.InSubquery;
import dev.sluice.sql.Param;
import dev.sluice.sql.RawSql;
import dev.sluice.sql.ScalarSubquery;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Aggregates, scalar functions, subqueries and the raw-SQL escape hatch. Re-exported by
 * {@link Dsl}, so one static import brings everything:
 *
 * <pre>{@code
 * db.select(CITIES.countryId, count()).from(CITIES).groupBy(CITIES.countryId).having(gt(count(), 1L))
 * // PostgreSQL: SELECT "country_id", COUNT(*) FROM "cities" GROUP BY "country_id" HAVING COUNT(*) > $1
 * }</pre>
 */
public class Functions {
  Functions() {}

  static final DataType<Long> LONG = NumericCodec.type(SqlKind.BIGINT, Long.class);
  static final DataType<BigDecimal> DECIMAL = NumericCodec.type(SqlKind.DECIMAL, BigDecimal.class);
  static final DataType<Integer> INT = NumericCodec.type(SqlKind.INTEGER, Integer.class);
  static final DataType<String> TEXT = DataType.of(SqlKind.TEXT, String.class);
  static final DataType<Boolean> BOOL = DataType.of(SqlKind.BOOLEAN, Boolean.class);

  /** {@code COUNT(*)}. */
  public static Field<Long> count() { return new Aggregate<>(Aggregate.Function.COUNT, null, false, LONG); }

  /** {@code COUNT(field)}: the non-null values. */
  public static Field<Long> count(Field<?> field) {
    return new Aggregate<>(Aggregate.Function.COUNT, field.expr(), false, LONG);
  }

  /** {@code COUNT(DISTINCT field)}. */
  public static Field<Long> countDistinct(Field<?> field) {
    return new Aggregate<>(Aggregate.Function.COUNT, field.expr(), true, LONG);
  }

  /** {@code SUM(field)}, as an exact decimal whatever the column's number type. */
  public static Field<BigDecimal> sum(Field<? extends Number> field) {
    return new Aggregate<>(Aggregate.Function.SUM, field.expr(), false, DECIMAL);
  }

  /** {@code AVG(field)}, as an exact decimal. */
  public static Field<BigDecimal> avg(Field<? extends Number> field) {
    return new Aggregate<>(Aggregate.Function.AVG, field.expr(), false, DECIMAL);
  }

  /** {@code MIN(field)}, of the field's own type. */
  public static <T> Field<T> min(Field<T> field) {
    return new Aggregate<>(Aggregate.Function.MIN, field.expr(), false, lenient(field.dataType()));
  }

  /** {@code MAX(field)}, of the field's own type. */
  public static <T> Field<T> max(Field<T> field) {
    return new Aggregate<>(Aggregate.Function.MAX, field.expr(), false, lenient(field.dataType()));
  }

  public static Field<String> lower(Field<String> field) { return fn("LOWER", TEXT, field); }

  public static Field<String> upper(Field<String> field) { return fn("UPPER", TEXT, field); }

  public static Field<String> trim(Field<String> field) { return fn("TRIM", TEXT, field); }

  /** The length in characters. */
  public static Field<Integer> length(Field<String> field) { return fn("LENGTH", INT, field); }

  public static <T extends Number> Field<T> abs(Field<T> field) {
    return fn("ABS", lenient(field.dataType()), field);
  }

  /** The first non-null of {@code field} and {@code fallback}. */
  public static <T> Field<T> coalesce(Field<T> field, T fallback) {
    return fn("COALESCE", field.dataType(), field, Dsl.value(field, fallback));
  }

  /** The first non-null of the fields. */
  @SafeVarargs
  public static <T> Field<T> coalesce(Field<T> first, Field<T>... rest) {
    Field<?>[] all = new Field<?>[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return fn("COALESCE", first.dataType(), all);
  }

  /** String concatenation: {@code a || b}. */
  public static Field<String> concat(Field<String> a, Field<String> b) {
    return new Arithmetic<>(Arithmetic.Op.CONCAT, a.expr(), b.expr(), TEXT);
  }

  public static Field<String> concat(Field<String> a, String b) {
    return new Arithmetic<>(Arithmetic.Op.CONCAT, a.expr(), Dsl.value(a, b), TEXT);
  }

  public static <T extends Number> Field<T> add(Field<T> a, T b) { return arith(Arithmetic.Op.ADD, a, Dsl.value(a, b)); }

  public static <T extends Number> Field<T> add(Field<T> a, Field<T> b) { return arith(Arithmetic.Op.ADD, a, b); }

  public static <T extends Number> Field<T> subtract(Field<T> a, T b) {
    return arith(Arithmetic.Op.SUBTRACT, a, Dsl.value(a, b));
  }

  public static <T extends Number> Field<T> subtract(Field<T> a, Field<T> b) {
    return arith(Arithmetic.Op.SUBTRACT, a, b);
  }

  public static <T extends Number> Field<T> multiply(Field<T> a, T b) {
    return arith(Arithmetic.Op.MULTIPLY, a, Dsl.value(a, b));
  }

  public static <T extends Number> Field<T> divide(Field<T> a, T b) {
    return arith(Arithmetic.Op.DIVIDE, a, Dsl.value(a, b));
  }

  /** {@code CAST(field AS type)}. */
  public static <T> Field<T> cast(Field<?> field, DataType<T> type) {
    return new Cast<>(field.expr(), type);
  }

  /** Starts {@code CASE WHEN condition THEN value ...}. */
  public static <T> CaseBuilder<T> when(Condition condition, Field<T> value) {
    return new CaseBuilder<T>(List.of(), value.dataType()).when(condition, value);
  }

  /** Starts {@code CASE WHEN condition THEN value ...} with a bound value. */
  public static <T> CaseBuilder<T> when(Condition condition, T value, DataType<T> type) {
    return new CaseBuilder<T>(List.of(), type).when(condition, new Param<>(value, type));
  }

  /**
   * Raw SQL as a condition: {@code sql("{0} % 2 = 0", CITIES.id)}. Placeholders {@code {n}} take
   * fields and tables (rendered as SQL) or plain values (bound, never concatenated). The template itself is
   * written into the statement: it must come from code, never from user input.
   */
  public static RawSql<Boolean> sql(String template, Object... args) {
    return new RawSql<>(template, args(args), BOOL);
  }

  /** Raw SQL as a typed expression: {@code sql(Integer.class, "EXTRACT(YEAR FROM {0})", USERS.createdAt)}. */
  public static <T> RawSql<T> sql(Class<T> type, String template, Object... args) {
    return new RawSql<>(template, args(args), Params.typeOf(type));
  }

  /**
   * A derived table: {@code shape}'s name and typed columns filled by {@code query} in FROM or JOIN.
   * Refer to the columns of the returned instance (like an alias made with {@code as}):
   *
   * <pre>{@code
   * Totals t = derived(TOTALS, db.select(CITIES.countryId, count()).from(CITIES).groupBy(CITIES.countryId));
   * db.selectFrom(COUNTRIES).join(t).on(eq(COUNTRIES.id, t.countryId)).fetch((country, total) -> ...);
   * // ... INNER JOIN (SELECT "country_id" AS "country_id", COUNT(*) AS "cities" FROM "cities"
   * //                 GROUP BY "country_id") AS "totals" ON "countries"."id" = "totals"."country_id"
   * }</pre>
   *
   * The query must select one value per column of {@code shape}, each of the column's Java type, in
   * declaration order; the table class needs a no-argument constructor.
   */
  public static <R, T extends Table<R>> T derived(T shape, SelectBase<?, ?> query) {
    return shape.derivedFrom(query.query());
  }

  /** A derived table filled by a UNION (or INTERSECT, EXCEPT) of queries. */
  public static <R, T extends Table<R>> T derived(T shape, Compound<?> query) {
    return shape.derivedFrom(query.query());
  }

  /** {@code EXISTS (subquery)}. */
  public static Condition exists(SelectBase<?, ?> subquery) { return new Exists(subquery.query(), false); }

  /** {@code NOT EXISTS (subquery)}. */
  public static Condition notExists(SelectBase<?, ?> subquery) { return new Exists(subquery.query(), true); }

  /**
   * The parent has a related row: a correlated {@code EXISTS} over {@code relation} (with the
   * relation's own {@code where(...)} and the related table's soft delete). For a query's own table,
   * prefer the typed {@code selectFrom(USERS).whereHas(USERS.posts)}; this form composes with
   * {@code or(...)} and {@code not(...)}.
   *
   * <pre>{@code
   * db.selectFrom(USERS).where(or(has(USERS.posts), isNotNull(USERS.phone)))
   * // PostgreSQL: ... WHERE EXISTS (SELECT 1 FROM "posts" WHERE "posts"."author_id" = "users"."id") OR "phone" IS NOT NULL
   * }</pre>
   */
  public static Condition has(dev.sluice.schema.Relation<?, ?> relation) {
    return RelationFilters.exists(relation, null, false);
  }

  /** The parent has a related row matching {@code condition}: {@code EXISTS (... AND condition)}. */
  public static Condition has(dev.sluice.schema.Relation<?, ?> relation, Condition condition) {
    return RelationFilters.exists(relation, java.util.Objects.requireNonNull(condition, "condition"), false);
  }

  /** The parent has no related row: {@code NOT EXISTS (...)}. */
  public static Condition doesntHave(dev.sluice.schema.Relation<?, ?> relation) {
    return RelationFilters.exists(relation, null, true);
  }

  /** The parent has no related row matching {@code condition}: {@code NOT EXISTS (... AND condition)}. */
  public static Condition doesntHave(dev.sluice.schema.Relation<?, ?> relation, Condition condition) {
    return RelationFilters.exists(relation, java.util.Objects.requireNonNull(condition, "condition"), true);
  }

  /** {@code field IN (subquery)}, the subquery selecting one value of the same type. */
  public static <T> Condition in(Field<T> field, Select1<T> subquery) {
    return new InSubquery(field.expr(), subquery.query(), false);
  }

  /** {@code field NOT IN (subquery)}. */
  public static <T> Condition notIn(Field<T> field, Select1<T> subquery) {
    return new InSubquery(field.expr(), subquery.query(), true);
  }

  /** A subquery selecting one value, used as a value: {@code (SELECT MAX(...) FROM ...)}. */
  @SuppressWarnings("unchecked")
  public static <T> Field<T> scalar(Select1<T> subquery) {
    DataType<T> type = (DataType<T>) subquery.query().select().get(0).dataType();
    return new ScalarSubquery<>(subquery.query(), lenient(type));
  }

  @SuppressWarnings("unchecked")
  private static <T> DataType<T> lenient(DataType<T> type) {
    if (type.codec() == null && Number.class.isAssignableFrom(type.javaType())
        && type.javaType() != Number.class) {
      return NumericCodec.type(type.kind(), type.javaType());
    }
    return type;
  }

  private static <T> Field<T> fn(String name, DataType<T> type, Field<?>... args) {
    List<Expr<?>> exprs = new ArrayList<>(args.length);
    for (Field<?> a : args) {
      exprs.add(a.expr());
    }
    return new FunctionCall<>(name, exprs, type);
  }

  private static <T> Field<T> arith(Arithmetic.Op op, Field<T> a, Field<T> b) {
    return new Arithmetic<>(op, a.expr(), b.expr(), lenient(a.dataType()));
  }

  static List<Expr<?>> args(Object... args) {
    List<Expr<?>> out = new ArrayList<>(args.length);
    for (Object a : args) {
      out.add(a instanceof Field<?> f ? f.expr()
          : a instanceof Table<?> t ? new dev.sluice.sql.TableRef(t) : Params.of(a));
    }
    return out;
  }
}
