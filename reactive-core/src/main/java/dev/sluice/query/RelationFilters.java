package dev.sluice.query;

import dev.sluice.schema.Column;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import dev.sluice.sql.CompareOp;
import dev.sluice.sql.Comparison;
import dev.sluice.sql.Condition;
import dev.sluice.sql.Exists;
import dev.sluice.sql.Join;
import dev.sluice.sql.JoinType;
import dev.sluice.sql.Logical;
import dev.sluice.sql.NullCheck;
import dev.sluice.sql.SelectQuery;
import java.util.ArrayList;
import java.util.List;

/**
 * Parents filtered by their related rows: a relation as a correlated {@code [NOT] EXISTS} subquery.
 * {@code has(USERS.posts, like(POSTS.title, "a%"))} renders (PostgreSQL)
 * {@code EXISTS (SELECT 1 FROM "posts" WHERE "posts"."author_id" = "users"."id" AND "posts"."title" LIKE $1)}.
 */
final class RelationFilters {
  private RelationFilters() {}

  /**
   * The condition that the parent has (or, {@code negated}, has not) a related row matching the
   * relation's own filter ({@link Relation#where}), the target's soft delete and {@code condition}
   * (null for none).
   */
  static Condition exists(Relation<?, ?> relation, Condition condition, boolean negated) {
    java.util.Objects.requireNonNull(relation, "relation");
    Table<?> target = relation.target();
    if (target.qualifier().equals(relation.owner().qualifier())) {
      throw new IllegalArgumentException("Relation " + relation.name() + " of table " + relation.owner().name()
          + " points at its own table: a correlated EXISTS cannot tell the two apart; use exists(...) with"
          + " an alias made by as(...)");
    }
    Column<?> key = relation.targetKey();
    List<Condition> all = new ArrayList<>();
    all.add(new Comparison(key.expr(), CompareOp.EQ, relation.ownerKey().expr()));
    Column<?> deletedAt = target.meta().deletedAt();
    if (deletedAt != null) {
      all.add(new NullCheck(deletedAt.expr(), false));
    }
    if (relation.where() != null) {
      all.add(relation.where());
    }
    if (condition != null) {
      all.add(condition);
    }
    SelectQuery q = SelectQuery.of(List.of(Functions.sql(Integer.class, "1").expr()), target)
        .withWhere(all.size() == 1 ? all.get(0) : Logical.of(true, all.toArray(new Condition[0])));
    if (relation.kind() == Relation.Kind.MANY_TO_MANY) {
      Column<?> toTarget = relation.throughTargetColumn();
      q = q.withJoin(new Join(JoinType.INNER, key.table(),
          new Comparison(toTarget.expr(), CompareOp.EQ, toTarget.referencedColumn().expr())));
    }
    return new Exists(q, negated);
  }
}
