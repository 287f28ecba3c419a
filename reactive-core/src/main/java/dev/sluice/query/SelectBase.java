package dev.sluice.query;

import dev.sluice.SluiceException;
import dev.sluice.internal.Executor;
import dev.sluice.internal.RowReader;
import dev.sluice.spi.Dialect;
import dev.sluice.sql.Condition;
import dev.sluice.sql.Field;
import dev.sluice.sql.OrderItem;
import dev.sluice.sql.Param;
import dev.sluice.sql.RenderedSql;
import dev.sluice.sql.SelectQuery;
import dev.sluice.schema.DataType;
import dev.sluice.schema.SqlKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The steps every SELECT shares. Immutable: each step returns a new query, so a built query can be
 * kept, shared and subscribed to again. Nothing touches the database before subscription.
 *
 * @param <T> the row type produced
 * @param <S> the concrete builder type
 */
public abstract class SelectBase<T, S extends SelectBase<T, S>> {
  private static final DataType<Long> LONG = DataType.of(SqlKind.BIGINT, Long.class);

  final Executor executor;
  final SelectQuery query;
  final int fetchSize;

  SelectBase(Executor executor, SelectQuery query, int fetchSize) {
    this.executor = executor;
    this.query = query;
    this.fetchSize = fetchSize;
  }

  abstract S copy(SelectQuery query, int fetchSize);

  abstract RowReader<T> reader();

  /** Adds a filter; several calls are combined with AND. */
  public S where(Condition condition) {
    Condition w = query.where() == null ? condition : Dsl.and(query.where(), condition);
    return copy(query.withWhere(w), fetchSize);
  }

  /** {@code GROUP BY} these expressions (appended to any given before). */
  public S groupBy(Field<?>... fields) {
    List<dev.sluice.sql.Expr<?>> group = new ArrayList<>(query.groupBy());
    for (Field<?> f : fields) {
      group.add(f.expr());
    }
    return copy(query.withGroupBy(group), fetchSize);
  }

  /** A filter on groups; several calls are combined with AND. */
  public S having(Condition condition) {
    Condition h = query.having() == null ? condition : Dsl.and(query.having(), condition);
    return copy(query.withHaving(h), fetchSize);
  }

  /** Locks the selected rows until the transaction ends: {@code FOR UPDATE}. */
  public S forUpdate() { return copy(query.withLock(dev.sluice.sql.LockMode.FOR_UPDATE), fetchSize); }

  /** {@code FOR SHARE}, where the database has shared row locks. */
  public S forShare() { return copy(query.withLock(dev.sluice.sql.LockMode.FOR_SHARE), fetchSize); }

  /** {@code FOR UPDATE SKIP LOCKED}: skips rows another transaction holds (job queues). */
  public S forUpdateSkipLocked() {
    return copy(query.withLock(dev.sluice.sql.LockMode.FOR_UPDATE_SKIP_LOCKED), fetchSize);
  }

  /** {@code FOR UPDATE NOWAIT}: fails at once instead of waiting for a lock. */
  public S forUpdateNoWait() {
    return copy(query.withLock(dev.sluice.sql.LockMode.FOR_UPDATE_NOWAIT), fetchSize);
  }

  /** Orders by {@code field} ascending. */
  public S orderBy(Field<?> field) {
    return orderBy(Dsl.asc(field));
  }

  /** Orders by {@code field} in {@code order}. */
  public S orderBy(Field<?> field, Order order) {
    return orderBy(order == Order.DESC ? Dsl.desc(field) : Dsl.asc(field));
  }

  /** Appends ordering terms, e.g. {@code orderBy(desc(USERS.createdAt).nullsLast(), asc(USERS.id))}. */
  public S orderBy(OrderItem... items) {
    List<OrderItem> order = new ArrayList<>(query.orderBy());
    order.addAll(Arrays.asList(items));
    return copy(query.withOrderBy(order), fetchSize);
  }

  /** At most {@code n} rows. The value is bound, not written into the SQL. */
  public S limit(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("limit must be >= 0, was " + n);
    }
    return copy(query.withLimit(new Param<>(n, LONG)), fetchSize);
  }

  /** Skips the first {@code n} rows. */
  public S offset(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("offset must be >= 0, was " + n);
    }
    return copy(query.withOffset(new Param<>(n, LONG)), fetchSize);
  }

  /** {@code SELECT DISTINCT}. */
  public S distinct() {
    return copy(query.withDistinct(true), fetchSize);
  }

  /**
   * Rows fetched per round trip while streaming, where the driver supports it (PostgreSQL portals).
   * Backpressure holds without it (the driver stops reading the socket when demand stops); a fetch
   * size makes cancelling a huge result prompt, at the price of one extra round trip per batch.
   * 0 means the database's default.
   */
  public S fetchSize(int rows) {
    if (rows < 0) {
      throw new IllegalArgumentException("fetchSize must be >= 0, was " + rows);
    }
    return copy(query, rows);
  }

  /** Streams the rows with backpressure. Cold: the query runs on subscription. */
  public Flux<T> fetch() {
    return run(reader());
  }

  /**
   * The only row, or empty. Fails with {@link dev.sluice.TooManyRowsException} when the query
   * returns more than one row.
   */
  public Mono<T> fetchOne() {
    SelectQuery q = query.limit() == null ? query.withLimit(new Param<>(2L, LONG)) : query;
    return single(q, reader()).take(2).collectList().flatMap(rows -> {
      if (rows.size() > 1) {
        String sql = executor.dialect().render(query).sql();
        return Mono.error(new dev.sluice.TooManyRowsException("fetchOne() expected at most one row but "
            + "the query returned more: " + sql, sql));
      }
      return Mono.justOrEmpty(rows.isEmpty() ? null : rows.get(0));
    });
  }

  /** The first row, or empty; the rest of the result is not read. */
  public Mono<T> fetchFirst() {
    SelectQuery q = query.limit() == null ? query.withLimit(new Param<>(1L, LONG)) : query;
    return single(q, reader()).next();
  }

  /**
   * Runs a query that reads a row or two: the database-wide streaming fetch size is not applied,
   * because a cursored fetch costs PostgreSQL a second round trip.
   */
  private <X> Flux<X> single(SelectQuery q, RowReader<X> reader) {
    if (q.from() == null) {
      return Flux.error(new IllegalStateException("select(...) needs from(table)"));
    }
    return executor.query(q, reader, fetchSize);
  }

  /**
   * Page {@code page} of {@code size} rows, and the total number of rows over all pages. Pages are
   * numbered from 0: {@code paginate(0, 20)} is rows 1 to 20, {@code paginate(2, 20)} rows 41 to 60.
   * Order the query first, or pages are not stable.
   *
   * <p>One statement: the total rides along with the page as {@code COUNT(*) OVER ()}, which counts
   * after {@code GROUP BY} and {@code HAVING}. Two in two cases: a {@code distinct()} query (the
   * window would count before DISTINCT) and an empty page past the end, whose total is counted as
   * {@code SELECT COUNT(*) FROM (query) AS "counted"}, unless the page itself shows where the rows
   * end (a short, non-empty page, or an empty first page).
   *
   * <pre>{@code
   * Mono<Page<Country>> p = db.selectFrom(COUNTRIES).orderBy(COUNTRIES.name).paginate(2, 10);
   * // SELECT "id", "name", COUNT(*) OVER () FROM "countries" ORDER BY "name" LIMIT $1 OFFSET $2
   * }</pre>
   *
   * @param page the 0-based page number
   * @param size the rows per page, at least 1
   */
  public Mono<Page<T>> paginate(int page, int size) {
    if (page < 0 || size < 1) {
      throw new IllegalArgumentException("page must be >= 0 and size >= 1, was " + page + ", " + size);
    }
    SelectQuery slice = query.withLimit(new Param<>((long) size, LONG))
        .withOffset(new Param<>((long) page * size, LONG));
    RowReader<T> items = reader();
    if (query.distinct()) {
      return executor.query(slice, items, 0).collectList()
          .flatMap(list -> total(list, page, size).map(n -> new Page<>(list, page, size, n)));
    }
    int width = query.select().size();
    List<dev.sluice.sql.Expr<?>> select = new ArrayList<>(query.select());
    select.add(Functions.sql(Long.class, "COUNT(*) OVER ()").expr());
    return executor.query(slice.withSelect(select), row -> new Object[] {items.read(row),
            Functions.LONG.fromDriver(row.get(width, Object.class))}, 0)
        .collectList()
        .flatMap(rows -> {
          List<T> list = new ArrayList<>(rows.size());
          rows.forEach(r -> list.add(cast(r[0])));
          return rows.isEmpty() ? total(list, page, size).map(n -> new Page<>(list, page, size, n))
              : Mono.just(new Page<>(list, page, size, (Long) rows.get(0)[1]));
        });
  }

  /**
   * The total behind a page read without one: known from the page when it is short and not empty
   * (the last page) or empty at page 0, else counted by a second statement.
   */
  private Mono<Long> total(List<T> list, int page, int size) {
    if (list.size() < size && (!list.isEmpty() || page == 0)) {
      return Mono.just((long) page * size + list.size());
    }
    DataType<Long> total = Functions.LONG;
    return executor.query(new dev.sluice.sql.CountQuery(query),
        row -> total.fromDriver(row.get(0, Object.class)), 0).next();
  }

  /**
   * Keyset pagination: the rows after {@code lastValues} (the order-by values of the last row seen)
   * in this query's ORDER BY. Faster than offsets on deep pages and stable under inserts.
   *
   * <pre>{@code
   * db.selectFrom(USERS).orderBy(USERS.createdAt).orderBy(USERS.id).seek(lastCreatedAt, lastId).limit(20)
   * // WHERE ("created_at" > $1 OR ("created_at" = $2 AND "id" > $3)) ORDER BY "created_at", "id" LIMIT $4
   * }</pre>
   */
  public S seek(Object... lastValues) {
    List<OrderItem> order = query.orderBy();
    if (order.isEmpty() || order.size() != lastValues.length) {
      throw new IllegalArgumentException("seek(...) needs one value per ORDER BY term: " + order.size()
          + " terms, " + lastValues.length + " values");
    }
    List<Condition> alternatives = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      List<Condition> all = new ArrayList<>();
      for (int j = 0; j < i; j++) {
        all.add(new dev.sluice.sql.Comparison(order.get(j).expr(), dev.sluice.sql.CompareOp.EQ,
            param(order.get(j).expr(), lastValues[j])));
      }
      all.add(new dev.sluice.sql.Comparison(order.get(i).expr(),
          order.get(i).descending() ? dev.sluice.sql.CompareOp.LT : dev.sluice.sql.CompareOp.GT,
          param(order.get(i).expr(), lastValues[i])));
      alternatives.add(all.size() == 1 ? all.get(0) : new dev.sluice.sql.Logical(true, all));
    }
    Condition after = alternatives.size() == 1 ? alternatives.get(0)
        : new dev.sluice.sql.Logical(false, alternatives);
    return where(after);
  }

  private static Param<?> param(dev.sluice.sql.Expr<?> expr, Object value) {
    if (value == null) {
      throw new IllegalArgumentException("seek(...) values must not be null");
    }
    DataType<?> type = expr.dataType();
    if (!type.javaType().isInstance(value)) {
      throw new IllegalArgumentException("seek(...) value " + value + " is not a "
          + type.javaType().getSimpleName() + " for " + expr);
    }
    return typed(type, value);
  }

  @SuppressWarnings("unchecked")
  private static <V> Param<V> typed(DataType<V> type, Object value) {
    return new Param<>((V) value, type);
  }

  @SuppressWarnings("unchecked")
  private static <V> V cast(Object o) {
    return (V) o;
  }

  /** {@code this UNION other} (duplicates removed). */
  public Compound<T> union(SelectBase<T, ?> other) { return Compound.of(this, dev.sluice.sql.CompoundSelect.SetOp.UNION, other); }

  /** {@code this UNION ALL other}. */
  public Compound<T> unionAll(SelectBase<T, ?> other) { return Compound.of(this, dev.sluice.sql.CompoundSelect.SetOp.UNION_ALL, other); }

  /** {@code this INTERSECT other}. */
  public Compound<T> intersect(SelectBase<T, ?> other) { return Compound.of(this, dev.sluice.sql.CompoundSelect.SetOp.INTERSECT, other); }

  /** {@code this EXCEPT other}. */
  public Compound<T> except(SelectBase<T, ?> other) { return Compound.of(this, dev.sluice.sql.CompoundSelect.SetOp.EXCEPT, other); }

  /** The SQL and binds this query renders to in {@code dialect}; needs no connection. */
  public RenderedSql toSql(Dialect dialect) {
    return dialect.render(query);
  }

  /** The query's syntax tree. */
  public SelectQuery query() {
    return query;
  }

  final <X> Flux<X> run(RowReader<X> reader) {
    if (query.from() == null) {
      return Flux.error(new IllegalStateException("select(...) needs from(table)"));
    }
    return executor.query(query, reader, fetchSize > 0 ? fetchSize : executor.fetchSize());
  }

  final SelectQuery withFrom(dev.sluice.schema.Table<?> table) {
    return query.withFrom(table);
  }

  @Override public String toString() {
    return getClass().getSimpleName() + "[" + query + "]";
  }
}
