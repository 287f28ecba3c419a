package dev.sluice.query;

import dev.sluice.schema.Table;
import dev.sluice.sql.Statement;

/**
 * Queries that start with {@code WITH}: named queries read like tables by the SELECT that follows.
 * A common table is declared like any table (its name and typed columns), and filled by a query
 * that selects one value per column, in order:
 *
 * <pre>{@code
 * final class Totals extends Table<Total> {              // record Total(Integer countryId, Long cities)
 *   public final Column<Integer> countryId = integer("country_id");
 *   public final Column<Long> cities = bigint("cities");
 *   Totals() { super("totals"); }
 * }
 * db.with(TOTALS, db.select(CITIES.countryId, count()).from(CITIES).groupBy(CITIES.countryId))
 *     .selectFrom(TOTALS).where(gt(TOTALS.cities, 1L)).fetch();
 * // WITH "totals" ("country_id", "cities") AS (SELECT "country_id", COUNT(*) FROM "cities"
 * //   GROUP BY "country_id") SELECT "country_id", "cities" FROM "totals" WHERE "cities" > $1
 * }</pre>
 *
 * A recursive common table reads itself in the second part of a {@code UNION ALL}; see
 * {@link #withRecursive(Table, Compound)}.
 */
public final class CommonTables extends QueryStarts {
  CommonTables(QueryFactory queries) {
    super(queries);
  }

  /** Adds {@code , table AS (query)}; it may read the common tables before it. */
  public CommonTables with(Table<?> table, SelectBase<?, ?> query) {
    return new CommonTables(queries().with(table, query.query(), false));
  }

  /** Adds {@code , table AS (query)} for a UNION of queries. */
  public CommonTables with(Table<?> table, Compound<?> query) {
    return new CommonTables(queries().with(table, query.query(), false));
  }

  /**
   * Adds a recursive common table: {@code query} is an anchor {@code UNION [ALL]} a part that joins
   * {@code table} itself, evaluated until it adds no rows. The clause becomes
   * {@code WITH RECURSIVE} where the database spells it so.
   */
  public CommonTables withRecursive(Table<?> table, Compound<?> query) {
    return new CommonTables(queries().with(table, query.query(), true));
  }

}
