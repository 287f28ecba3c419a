package dev.sluice.mongo;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * One output field of a {@link Pipeline#group} stage: {@code sum("total", ORDERS.amount)} is
 * {@code "total": {"$sum": "$amount"}}. The output record names its components like the accumulators.
 *
 * @param name the output field
 * @param operator the MongoDB accumulator ({@code $sum}, {@code $avg}, ...)
 * @param expression its argument
 */
public record Accumulator(String name, String operator, BsonValue expression) {
  BsonDocument toBson() { return new BsonDocument(operator, expression); }

  /** The number of documents in the group. */
  public static Accumulator count(String name) { return new Accumulator(name, "$sum", new BsonInt32(1)); }

  public static Accumulator sum(String name, Field<? extends Number> field) { return of(name, "$sum", field); }

  /** The average, a double (or a Decimal128 for Decimal128 inputs). */
  public static Accumulator avg(String name, Field<? extends Number> field) { return of(name, "$avg", field); }

  public static Accumulator min(String name, Field<?> field) { return of(name, "$min", field); }

  public static Accumulator max(String name, Field<?> field) { return of(name, "$max", field); }

  /** The first value in the group (in the order of an earlier sort stage). */
  public static Accumulator first(String name, Field<?> field) { return of(name, "$first", field); }

  /** Every value of the group, as an array. */
  public static Accumulator push(String name, Field<?> field) { return of(name, "$push", field); }

  /** The distinct values of the group, as an array. */
  public static Accumulator addToSet(String name, Field<?> field) { return of(name, "$addToSet", field); }

  private static Accumulator of(String name, String operator, Field<?> field) {
    return new Accumulator(name, operator, new BsonString("$" + field.path()));
  }
}
