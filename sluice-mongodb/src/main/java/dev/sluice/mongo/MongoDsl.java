package dev.sluice.mongo;

import dev.sluice.mongo.internal.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonInt32;
import org.bson.BsonNull;
import org.bson.BsonRegularExpression;
import org.bson.BsonValue;

/**
 * Sluice's condition vocabulary for MongoDB, typed by the field: {@code eq(USERS.age, 30)} compiles
 * to {@code {"age": 30}}, and {@code eq(USERS.age, "x")} does not compile. Every value is
 * encoded by the field's {@link ValueType}, never spliced into a query string.
 */
public final class MongoDsl {
  private MongoDsl() {}

  /** Every document: {@code {}}. */
  public static Filter all() { return new Filter.All(); }

  /**
   * {@code {path: value}}: the implicit equality MongoDB's planner (and mongo-java-server's) matches
   * to an index; {@code {path: {$eq: value}}} when the encoded value would otherwise be read as an
   * operator (a regular expression, or a document whose first key starts with {@code $}).
   */
  public static <T> Filter eq(Field<T> field, T value) {
    if (value == null) {
      return isNull(field);
    }
    BsonValue v = Values.toBson(field.type(), value, field.path());
    boolean operatorLike = v.isRegularExpression()
        || v.isDocument() && !v.asDocument().isEmpty() && v.asDocument().getFirstKey().startsWith("$");
    return operatorLike ? new Filter.Operator(field.path(), "$eq", v) : new Filter.Match(field.path(), v);
  }

  public static <T> Filter ne(Field<T> field, T value) {
    return value == null ? isNotNull(field) : op(field, "$ne", value);
  }

  public static <T> Filter gt(Field<T> field, T value) { return op(field, "$gt", value); }

  public static <T> Filter gte(Field<T> field, T value) { return op(field, "$gte", value); }

  public static <T> Filter lt(Field<T> field, T value) { return op(field, "$lt", value); }

  public static <T> Filter lte(Field<T> field, T value) { return op(field, "$lte", value); }

  /** {@code {path: {$in: [...]}}}. */
  public static <T> Filter in(Field<T> field, java.util.Collection<? extends T> values) {
    return new Filter.Operator(field.path(), "$in", array(field.type(), values, field.path()));
  }

  @SafeVarargs
  public static <T> Filter in(Field<T> field, T... values) { return in(field, Arrays.asList(values)); }

  /** {@code {path: {$nin: [...]}}}. */
  public static <T> Filter notIn(Field<T> field, java.util.Collection<? extends T> values) {
    return new Filter.Operator(field.path(), "$nin", array(field.type(), values, field.path()));
  }

  @SafeVarargs
  public static <T> Filter notIn(Field<T> field, T... values) { return notIn(field, Arrays.asList(values)); }

  /** Null or missing: {@code {path: null}}. */
  public static Filter isNull(Field<?> field) { return new Filter.Match(field.path(), BsonNull.VALUE); }

  /** Present and not null: {@code {path: {$ne: null}}}. */
  public static Filter isNotNull(Field<?> field) { return new Filter.Operator(field.path(), "$ne", BsonNull.VALUE); }

  /** Present (even if null): {@code {path: {$exists: true}}}. */
  public static Filter exists(Field<?> field) { return new Filter.Operator(field.path(), "$exists", BsonBoolean.TRUE); }

  /**
   * SQL's LIKE: {@code %} any run, {@code _} one character, everything else literal (quoted, never
   * read as a regular expression), the whole value matched: {@code like(name, "Da%")} is
   * {@code {"name": /^Da.*$/s}}.
   */
  public static Filter like(Field<String> field, String pattern) {
    StringBuilder re = new StringBuilder("^");
    StringBuilder literal = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      if (c == '%' || c == '_') {
        if (literal.length() > 0) {
          re.append(java.util.regex.Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        re.append(c == '%' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      re.append(java.util.regex.Pattern.quote(literal.toString()));
    }
    re.append('$');
    return new Filter.Match(field.path(), new BsonRegularExpression(re.toString(), "s"));
  }

  public static Filter and(Filter... parts) { return new Filter.Logical("$and", List.of(parts)); }

  public static Filter or(Filter... parts) { return new Filter.Logical("$or", List.of(parts)); }

  /** The negation of any filter ({@code $nor}). */
  public static Filter not(Filter filter) { return new Filter.Nor(filter); }

  /** The array holds this element: {@code {tags: "a"}}. */
  public static <E> Filter contains(ArrayField<E> field, E element) {
    return new Filter.Match(field.path(), Values.toBson(field.element(), element, field.path()));
  }

  /** The array holds all these elements: {@code {tags: {$all: [...]}}}. */
  public static <E> Filter containsAll(ArrayField<E> field, java.util.Collection<? extends E> elements) {
    return new Filter.Operator(field.path(), "$all", array(field.element(), elements, field.path()));
  }

  /** The array has exactly this many elements. */
  public static Filter size(ArrayField<?> field, int size) {
    return new Filter.Operator(field.path(), "$size", new BsonInt32(size));
  }

  /**
   * An element of an array of embedded documents matches {@code filter}, written with the fields of
   * the element's {@link Embedded} declaration: {@code elemMatch(ORDERS.lines, gt(LINE.qty, 2))}.
   */
  public static Filter elemMatch(ArrayField<?> field, Filter filter) {
    return new Filter.Operator(field.path(), "$elemMatch", filter.toBson());
  }

  public static Sort asc(Field<?> field) { return new Sort(field.path(), true); }

  public static Sort desc(Field<?> field) { return new Sort(field.path(), false); }

  private static <T> Filter op(Field<T> field, String op, T value) {
    if (value == null) {
      throw new IllegalArgumentException(op + " on " + field.path() + " needs a value, not null");
    }
    return new Filter.Operator(field.path(), op, Values.toBson(field.type(), value, field.path()));
  }

  private static <T> BsonArray array(ValueType<T> type, java.util.Collection<? extends T> values, String path) {
    List<BsonValue> out = new ArrayList<>(values.size());
    for (T v : values) {
      out.add(Values.toBson(type, v, path));
    }
    return new BsonArray(out);
  }
}
