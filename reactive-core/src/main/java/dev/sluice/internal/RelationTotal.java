package dev.sluice.internal;

import dev.sluice.schema.Relation;
import dev.sluice.sql.Aggregate;
import dev.sluice.sql.Expr;

/**
 * An aggregate of each parent's related rows, read into the result record's component
 * {@code component}: {@code COUNT(*)}, {@code SUM(x)}, ... over {@code relation}'s rows, computed
 * for a whole window of parents by one grouped query.
 *
 * @param component the record component that receives the value
 * @param relation  the relation whose related rows are aggregated (with its own filter)
 * @param value     the aggregate over the related table's columns
 */
public record RelationTotal(String component, Relation<?, ?> relation, Aggregate<?> value) {
  /** The value of a parent without related rows: 0 for a count, else null. */
  Object empty() {
    return value.function() == Aggregate.Function.COUNT ? Long.valueOf(0L) : null;
  }

  /** The aggregate as a select-list expression. */
  Expr<?> expr() { return value; }
}
