package dev.sluice.query;

import dev.sluice.schema.Column;
import dev.sluice.schema.Relation;
import dev.sluice.sql.Aggregate;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An aggregate of each parent's related rows, read into a component of the result record:
 * {@code count(USERS.posts)} into {@code Long postsCount}, {@code max(USERS.posts, POSTS.id)} into
 * {@code Integer postsMaxId}. Computed for each window of parents by one grouped query per relation,
 * never one per parent. The relation's own {@code where(...)} filters the rows counted; its
 * ordering and limit do not apply. A parent without related rows gets 0 for a count and null for
 * the others. Immutable.
 *
 * <p>On a related table's own relations it is given to the relation:
 * {@code USERS.posts.withAggregate(RelationAggregate.max(POSTS.comments, COMMENTS.id))} reads
 * {@code commentsMaxId} into each post's record.
 *
 * <pre>{@code
 * record UserStats(String fullName, Long postsCount, Long draftsCount) {}
 * db.selectFrom(USERS).withCount(USERS.posts)
 *     .withAggregate(RelationAggregate.count(USERS.posts.where(like(POSTS.title, "draft%"))).as("draftsCount"))
 *     .fetch(UserStats.class);
 * // PostgreSQL, per window: SELECT "author_id", COUNT(*) FROM "posts" WHERE "author_id" = ANY($1) GROUP BY "author_id"
 * }</pre>
 *
 * @param <P> the parent row type
 * @param <T> the aggregate's Java type
 */
public final class RelationAggregate<P, T> implements Relation.Aggregated<P> {
  private final Relation<P, ?> relation;
  private final Aggregate<T> value;
  private final String component;

  private RelationAggregate(Relation<P, ?> relation, Aggregate<T> value, String component) {
    this.relation = relation;
    this.value = value;
    this.component = component;
  }

  /** {@code COUNT(*)} of the related rows, into component {@code <relation>Count}. */
  public static <P> RelationAggregate<P, Long> count(Relation<P, ?> relation) {
    Objects.requireNonNull(relation, "relation");
    return new RelationAggregate<>(relation, (Aggregate<Long>) Functions.count(), relation.name() + "Count");
  }

  /** {@code SUM(column)} of the related rows, into {@code <relation>Sum<Column>}; null without rows. */
  public static <P> RelationAggregate<P, BigDecimal> sum(Relation<P, ?> relation, Column<? extends Number> column) {
    return of(relation, column, "Sum", (Aggregate<BigDecimal>) Functions.sum(column));
  }

  /** {@code AVG(column)} of the related rows, into {@code <relation>Avg<Column>}; null without rows. */
  public static <P> RelationAggregate<P, BigDecimal> avg(Relation<P, ?> relation, Column<? extends Number> column) {
    return of(relation, column, "Avg", (Aggregate<BigDecimal>) Functions.avg(column));
  }

  /** {@code MIN(column)} of the related rows, into {@code <relation>Min<Column>}; null without rows. */
  public static <P, T> RelationAggregate<P, T> min(Relation<P, ?> relation, Column<T> column) {
    return of(relation, column, "Min", (Aggregate<T>) Functions.min(column));
  }

  /** {@code MAX(column)} of the related rows, into {@code <relation>Max<Column>}; null without rows. */
  public static <P, T> RelationAggregate<P, T> max(Relation<P, ?> relation, Column<T> column) {
    return of(relation, column, "Max", (Aggregate<T>) Functions.max(column));
  }

  /**
   * The same aggregate read into component {@code component} instead, e.g. for two counts of one
   * relation with different filters.
   */
  public RelationAggregate<P, T> as(String component) {
    Objects.requireNonNull(component, "component");
    if (component.isEmpty() || !Character.isJavaIdentifierStart(component.charAt(0))
        || !component.chars().allMatch(Character::isJavaIdentifierPart)) {
      throw new IllegalArgumentException("An aggregate is read into a record component, so its name must be a"
          + " Java identifier, was \"" + component + "\"");
    }
    return new RelationAggregate<>(relation, value, component);
  }

  /** The record component that receives the value. */
  @Override public String component() { return component; }

  /** The relation whose rows are aggregated. */
  @Override public Relation<P, ?> relation() { return relation; }

  /** The aggregate, over the related table's columns. */
  @Override public Aggregate<T> value() { return value; }

  private static <P, T> RelationAggregate<P, T> of(Relation<P, ?> relation, Column<?> column, String fn,
      Aggregate<T> value) {
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(column, "column");
    if (column.table() != relation.target()) {
      throw new IllegalArgumentException("Column " + column + " is not a column of " + relation.target().name()
          + ", the table relation " + relation.name() + " leads to");
    }
    String property = column.table().meta().propertyOf(column);
    return new RelationAggregate<>(relation, value,
        relation.name() + fn + Character.toUpperCase(property.charAt(0)) + property.substring(1));
  }

  @Override public String toString() { return component + " = " + value.function() + " over " + relation.name(); }
}
