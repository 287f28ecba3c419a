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
   * Rows fetched per round trip while streaming (where the driver supports it, e.g. PostgreSQL
   * portals). 0 means the database's default.
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
   * The only row, or empty. Fails with {@link SluiceException} when the query returns more than one
   * row.
   */
  public Mono<T> fetchOne() {
    return run(reader()).take(2).collectList().flatMap(rows -> {
      if (rows.size() > 1) {
        return Mono.error(new SluiceException("fetchOne() expected at most one row but the query "
            + "returned more: " + executor.dialect().render(query).sql()));
      }
      return Mono.justOrEmpty(rows.isEmpty() ? null : rows.get(0));
    });
  }

  /** The first row, or empty; the rest of the result is not read. */
  public Mono<T> fetchFirst() {
    return run(reader()).next();
  }

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
