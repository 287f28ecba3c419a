package dev.sluice.query;

import dev.sluice.Row;
import dev.sluice.internal.Executor;
import dev.sluice.internal.Readers;
import dev.sluice.internal.RowReader;
import dev.sluice.schema.Column;
import dev.sluice.schema.RecordMapping;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import dev.sluice.sql.Expr;
import dev.sluice.sql.JoinType;
import dev.sluice.sql.SelectQuery;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * {@code db.selectFrom(CITIES)}: whole rows of one table, mapped to its row record.
 *
 * <pre>{@code
 * Flux<City> some = db.selectFrom(CITIES).where(eq(CITIES.countryId, 1))
 *     .orderBy(CITIES.name, Order.ASC).limit(10).offset(10).fetch();
 * // PostgreSQL: SELECT "id", "name", "country_id", "popularity" FROM "cities"
 * //             WHERE "country_id" = $1 ORDER BY "name" LIMIT $2 OFFSET $3
 * }</pre>
 *
 * @param <R> the row record
 */
public final class SelectFrom<R> extends SelectBase<R, SelectFrom<R>> {
  private final RowReader<R> reader;
  /** The table's afterFetch hooks, or null when it has none or this query opted out. */
  private final dev.sluice.schema.TableHooks<R> hooks;
  /** True after {@link #withoutHooks()}: no hook runs, the related tables' neither. */
  private final boolean hooksOff;

  private SelectFrom(Executor executor, SelectQuery query, int fetchSize, RowReader<R> reader,
      dev.sluice.schema.TableHooks<R> hooks, boolean hooksOff) {
    super(executor, query, fetchSize);
    this.reader = reader;
    this.hooks = hooks;
    this.hooksOff = hooksOff;
  }

  /**
   * This query without {@code afterFetch} hooks: the records as read, by {@code fetch()} and by
   * {@code fetch(Class)}, {@code with(...)} and the aggregates after it (the related tables'
   * hooks too).
   *
   * <pre>{@code
   * Flux<User> raw = db.selectFrom(USERS).withoutHooks().fetch();
   * }</pre>
   */
  public SelectFrom<R> withoutHooks() {
    return hooksOff ? this : new SelectFrom<>(executor, query, fetchSize, reader, null, true);
  }

  @Override boolean hasAfterFetch() { return hooks != null; }

  /** Each row through the afterFetch hooks, one at a time and in order ({@code concatMap}). */
  @Override Flux<R> afterFetch(Flux<R> rows) {
    dev.sluice.schema.TableHooks<R> h = hooks;
    return h == null ? rows : rows.concatMap(h::afterFetch);
  }

  /**
   * Loads these relations of each row: one batched {@code IN (...)} query per window of parents per
   * relation (never one per row). The result is read into a record with {@link SelectWith#fetch(Class)}:
   * {@code fetch()}, which has nowhere to put the related rows, does not compile after it.
   */
  @SafeVarargs
  public final SelectWith<R> with(Relation<R, ?>... relations) {
    return start().with(relations);
  }

  /**
   * Streams the rows as records of {@code type}: components named like the table's column fields
   * get the column values (a record of some of the columns, or in another order; only those are
   * selected), and a component of the row record's type gets the whole row. The table's
   * {@code afterFetch} hooks run on the row records this builds (the whole row as a component, or
   * {@code type} itself when it is the row record), not on a partial record; see
   * {@link SelectWith#fetch(Class)}.
   */
  public <X> Flux<X> fetch(Class<X> type) {
    return start().fetch(type);
  }

  /** {@link #fetch(Class)} as one list, read in one execution; see {@link SelectBase#fetchList()}. */
  public <X> reactor.core.publisher.Mono<List<X>> fetchList(Class<X> type) {
    return start().fetchList(type);
  }

  /** Reads the number of related rows of each parent into {@code <relation>Count}; see {@link SelectWith#withCount}. */
  @SafeVarargs
  public final SelectWith<R> withCount(Relation<R, ?>... relations) { return start().withCount(relations); }

  /** Reads {@code SUM(column)} of each parent's related rows; see {@link SelectWith#withSum}. */
  public SelectWith<R> withSum(Relation<R, ?> relation, Column<? extends Number> column) {
    return start().withSum(relation, column);
  }

  /** Reads {@code AVG(column)} of each parent's related rows; see {@link SelectWith#withAvg}. */
  public SelectWith<R> withAvg(Relation<R, ?> relation, Column<? extends Number> column) {
    return start().withAvg(relation, column);
  }

  /** Reads {@code MIN(column)} of each parent's related rows; see {@link SelectWith#withMin}. */
  public SelectWith<R> withMin(Relation<R, ?> relation, Column<?> column) { return start().withMin(relation, column); }

  /** Reads {@code MAX(column)} of each parent's related rows; see {@link SelectWith#withMax}. */
  public SelectWith<R> withMax(Relation<R, ?> relation, Column<?> column) { return start().withMax(relation, column); }

  /** Reads these aggregates of related rows; see {@link RelationAggregate}. */
  @SafeVarargs
  public final SelectWith<R> withAggregate(RelationAggregate<R, ?>... aggregates) {
    return start().withAggregate(aggregates);
  }

  private SelectWith<R> start() {
    return new SelectWith<>(executor, query, fetchSize, List.of(), SelectWith.DEFAULT_WINDOW, !hooksOff);
  }

  /**
   * The values of one column (or any expression) of the rows this query selects, with its filter,
   * ordering and paging.
   *
   * <pre>{@code
   * Flux<String> emails = db.selectFrom(USERS).where(isNotNull(USERS.email)).orderBy(USERS.email).pluck(USERS.email);
   * // PostgreSQL: SELECT "email" FROM "users" WHERE "email" IS NOT NULL ORDER BY "email"
   * }</pre>
   */
  public <X> Flux<X> pluck(dev.sluice.sql.Field<X> field) {
    dev.sluice.schema.DataType<X> type = field.dataType();
    SelectQuery q = query.withSelect(List.of(field.expr()));
    return executor.query(q, row -> Readers.value(row, 0, type),
        fetchSize > 0 ? fetchSize : executor.fetchSize());
  }

  /** Starts a SELECT of every mapped column of {@code table}. */
  @SuppressWarnings("unchecked")
  static <R> SelectFrom<R> of(Executor executor, Table<R> table) {
    RecordMapping<R> mapping = table.meta().rowMapping();
    List<Expr<?>> select = new ArrayList<>();
    RowReader<R> reader;
    if (mapping != null) {
      mapping.columns().forEach(c -> select.add(c.expr()));
      reader = Readers.record(mapping);
    } else if (table.rowType() == Row.class) {
      table.columns().forEach(c -> select.add(c.expr()));
      reader = (RowReader<R>) RowReaders.row(List.copyOf(select));
    } else {
      throw new dev.sluice.error.MappingException("Rows of table " + table.name() + " map to "
          + table.rowType().getName() + ", which is neither a record nor dev.sluice.Row");
    }
    dev.sluice.schema.TableHooks<R> hooks = table.meta().hooks();
    return new SelectFrom<>(executor, SoftDeletes.filtered(SelectQuery.of(select, table)), 0, reader,
        mapping != null && hooks.hasAfterFetch() ? hooks : null, false);
  }

  @Override SelectFrom<R> copy(SelectQuery query, int fetchSize) {
    return new SelectFrom<>(executor, query, fetchSize, reader, hooks, hooksOff);
  }

  @Override SelectFrom<R> on(Executor executor) {
    return new SelectFrom<>(executor, query, fetchSize, reader, hooks, hooksOff);
  }

  @Override RowReader<R> reader() { return reader; }

  /** {@code INNER JOIN table ON ...}. */
  public <B> JoinOn<Joined2<R, B>> join(Table<B> table) { return joinOn(JoinType.INNER, table); }

  /** {@code LEFT JOIN table ON ...}; the joined record is null where nothing matches. */
  public <B> JoinOn<Joined2<R, B>> leftJoin(Table<B> table) { return joinOn(JoinType.LEFT, table); }

  /** {@code RIGHT JOIN table ON ...}. */
  public <B> JoinOn<Joined2<R, B>> rightJoin(Table<B> table) { return joinOn(JoinType.RIGHT, table); }

  /** {@code FULL JOIN table ON ...}. */
  public <B> JoinOn<Joined2<R, B>> fullJoin(Table<B> table) { return joinOn(JoinType.FULL, table); }

  /** {@code CROSS JOIN table}. */
  public <B> Joined2<R, B> crossJoin(Table<B> table) {
    return new Joined2<>(executor, Joins.add(query, JoinType.CROSS, table, null), fetchSize,
        List.of(query.from(), table), !hooksOff);
  }

  private <B> JoinOn<Joined2<R, B>> joinOn(JoinType type, Table<B> table) {
    return new JoinOn<>(on -> new Joined2<>(executor, Joins.add(query, type, table, on), fetchSize,
        List.of(query.from(), table), !hooksOff));
  }

  /**
   * Keeps the rows that have at least one related row through {@code relation} (rendered as a
   * correlated {@code EXISTS}; the relation's own {@code where(...)} applies).
   *
   * <pre>{@code
   * db.selectFrom(USERS).whereHas(USERS.posts, like(POSTS.title, "Java%")).fetch();
   * // PostgreSQL: SELECT ... FROM "users" WHERE EXISTS (SELECT 1 FROM "posts"
   * //   WHERE "posts"."author_id" = "users"."id" AND "posts"."title" LIKE $1)
   * }</pre>
   */
  public SelectFrom<R> whereHas(Relation<R, ?> relation) { return where(Functions.has(relation)); }

  /** Keeps the rows with at least one related row matching {@code condition}. */
  public SelectFrom<R> whereHas(Relation<R, ?> relation, dev.sluice.sql.Condition condition) {
    return where(Functions.has(relation, condition));
  }

  /** Keeps the rows without a related row: {@code NOT EXISTS (...)}. */
  public SelectFrom<R> whereDoesntHave(Relation<R, ?> relation) { return where(Functions.doesntHave(relation)); }

  /** Keeps the rows without a related row matching {@code condition}. */
  public SelectFrom<R> whereDoesntHave(Relation<R, ?> relation, dev.sluice.sql.Condition condition) {
    return where(Functions.doesntHave(relation, condition));
  }
}
