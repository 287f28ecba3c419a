package dev.sluice.internal;

import dev.sluice.schema.Column;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import dev.sluice.sql.CompareOp;
import dev.sluice.sql.Comparison;
import dev.sluice.sql.Condition;
import dev.sluice.sql.Expr;
import dev.sluice.sql.InList;
import dev.sluice.sql.Join;
import dev.sluice.sql.JoinType;
import dev.sluice.sql.Logical;
import dev.sluice.sql.NullCheck;
import dev.sluice.sql.Param;
import dev.sluice.sql.SelectQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The statements {@link RelationLoader} runs for one window of parents, built apart so that they
 * can be rendered without a database (the golden SQL tests):
 *
 * <ul>
 *   <li>{@link #related}: the related rows of the window's keys, only the columns the result reads
 *       plus the key; PostgreSQL:
 *       {@code SELECT "id", "author_id", "title" FROM "posts" WHERE "author_id" = ANY($1)}</li>
 *   <li>{@link #totals}: aggregates of the related rows per key, grouped;
 *       {@code SELECT "author_id", COUNT(*) FROM "posts" WHERE "author_id" = ANY($1) GROUP BY "author_id"}</li>
 * </ul>
 */
public final class RelationQueries {
  private RelationQueries() {}

  /**
   * The related rows of {@code keys}: {@code columns} of the related table, then the key column
   * unless it is among them; {@link #keyIndex} says where the key is.
   */
  public static SelectQuery related(Relation<?, ?> relation, List<Column<?>> columns, Collection<?> keys) {
    List<Expr<?>> select = new ArrayList<>(columns.size() + 1);
    columns.forEach(c -> select.add(c.expr()));
    Column<?> key = relation.targetKey();
    if (!columns.contains(key)) {
      select.add(key.expr());
    }
    return from(relation, select, keys).withOrderBy(relation.orderBy());
  }

  /** Where the key is in the select list of {@link #related} for these columns. */
  public static int keyIndex(Relation<?, ?> relation, List<Column<?>> columns) {
    int at = columns.indexOf(relation.targetKey());
    return at >= 0 ? at : columns.size();
  }

  /**
   * The key and {@code aggregates} over the related rows of each of {@code keys}: one row per key
   * that has related rows.
   */
  public static SelectQuery totals(Relation<?, ?> relation, List<? extends Expr<?>> aggregates, Collection<?> keys) {
    List<Expr<?>> select = new ArrayList<>(aggregates.size() + 1);
    Expr<?> key = relation.targetKey().expr();
    select.add(key);
    select.addAll(aggregates);
    return from(relation, select, keys).withGroupBy(List.of(key));
  }

  /** {@code SELECT select FROM target [JOIN through] WHERE key IN (keys) [AND where] [AND not deleted]}. */
  private static SelectQuery from(Relation<?, ?> relation, List<Expr<?>> select, Collection<?> keys) {
    Table<?> target = relation.target();
    Column<?> keyColumn = relation.targetKey();
    List<Expr<?>> params = new ArrayList<>(keys.size());
    for (Object k : keys) {
      params.add(param(keyColumn, k));
    }
    Condition where = new InList(keyColumn.expr(), params, false);
    if (relation.where() != null) {
      where = Logical.of(true, where, relation.where());
    }
    Column<?> deletedAt = target.meta().deletedAt();
    if (deletedAt != null) {
      where = Logical.of(true, where, new NullCheck(deletedAt.expr(), false));
    }
    SelectQuery q = SelectQuery.of(select, target).withWhere(where);
    if (relation.kind() == Relation.Kind.MANY_TO_MANY) {
      Column<?> toTarget = relation.throughTargetColumn();
      q = q.withJoin(new Join(JoinType.INNER, keyColumn.table(),
          new Comparison(toTarget.expr(), CompareOp.EQ, toTarget.referencedColumn().expr())));
    }
    return q;
  }

  @SuppressWarnings("unchecked")
  private static <T> Param<T> param(Column<T> column, Object value) {
    return new Param<>((T) value, column.dataType());
  }
}
