package dev.sluice.query;

import dev.sluice.internal.Executor;
import dev.sluice.schema.Table;
import dev.sluice.sql.Join;
import dev.sluice.sql.JoinType;
import dev.sluice.sql.SelectQuery;

/**
 * The FROM and JOIN steps of a typed projection ({@code db.select(a, b, ...)}): joins add tables to
 * read from but keep the select list, so the rows stay typed.
 *
 * <pre>{@code
 * db.select(CITIES.name, COUNTRIES.name).from(CITIES)
 *     .join(COUNTRIES).on(eq(CITIES.countryId, COUNTRIES.id))
 *     .fetch(CityAndCountry::new);
 * // SELECT "cities"."name", "countries"."name" FROM "cities"
 * //   INNER JOIN "countries" ON "cities"."country_id" = "countries"."id"
 * }</pre>
 *
 * @param <T> the row type produced
 * @param <S> the concrete builder type
 */
public abstract class Projection<T, S extends Projection<T, S>> extends SelectBase<T, S> {
  Projection(Executor executor, SelectQuery query, int fetchSize) {
    super(executor, query, fetchSize);
  }

  /** The table to select from (a stored, derived or common table). */
  public S from(Table<?> table) {
    return copy(withFrom(table), fetchSize);
  }

  /** {@code INNER JOIN table ON ...}. */
  public JoinOn<S> join(Table<?> table) { return joinOn(JoinType.INNER, table); }

  /** {@code LEFT JOIN table ON ...}; the joined table's values are null where nothing matches. */
  public JoinOn<S> leftJoin(Table<?> table) { return joinOn(JoinType.LEFT, table); }

  /** {@code RIGHT JOIN table ON ...}. */
  public JoinOn<S> rightJoin(Table<?> table) { return joinOn(JoinType.RIGHT, table); }

  /** {@code FULL JOIN table ON ...}. */
  public JoinOn<S> fullJoin(Table<?> table) { return joinOn(JoinType.FULL, table); }

  /** {@code CROSS JOIN table}. */
  public S crossJoin(Table<?> table) {
    return copy(joined(JoinType.CROSS, table, null), fetchSize);
  }

  private JoinOn<S> joinOn(JoinType type, Table<?> table) {
    joined(type, table, null);
    return new JoinOn<>(on -> copy(joined(type, table, on), fetchSize));
  }

  private SelectQuery joined(JoinType type, Table<?> table, dev.sluice.sql.Condition on) {
    if (query.from() == null) {
      throw new IllegalStateException("Call from(table) before joining " + table.name());
    }
    return query.withJoin(new Join(type, table, on));
  }
}
