package dev.sluice.query;

import dev.sluice.internal.Executor;
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

/**
 * The steps that shape a SELECT: filters, grouping, ordering, paging, locks, keyset seeks. Shared
 * by the builders that end in {@code fetch()} ({@link SelectBase}) and by {@link SelectWith}, whose
 * relations can only be read into a result record, so that a wrong terminal does not compile.
 * Immutable: each step returns a new builder.
 *
 * @param <S> the concrete builder type
 */
public abstract class SelectShape<S extends SelectShape<S>> {
  static final DataType<Long> LONG = DataType.of(SqlKind.BIGINT, Long.class);

  final Executor executor;
  final SelectQuery query;
  final int fetchSize;

  SelectShape(Executor executor, SelectQuery query, int fetchSize) {
    this.executor = executor;
    this.query = query;
    this.fetchSize = fetchSize;
  }

  abstract S copy(SelectQuery query, int fetchSize);

  /** This builder on another executor (the same database's, with reads pinned to the primary). */
  abstract S on(Executor executor);

  /**
   * This query with its reads on the primary, with read replicas ({@code DatabaseBuilder.replicas}):
   * for a read that must see the latest writes. Without replicas it changes nothing.
   *
   * <pre>{@code
   * Mono<Order> fresh = db.selectFrom(ORDERS).where(eq(ORDERS.id, id)).onPrimary().fetchOne();
   * }</pre>
   */
  public S onPrimary() {
    return on(executor.onPrimary());
  }

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

  /**
   * Keyset pagination: the rows after the last row seen, given by its value of this query's one
   * ORDER BY term. Faster than offsets on deep pages and stable under inserts. The column is named
   * with its value so that the compiler checks the value's type; it must be the ORDER BY term.
   *
   * <pre>{@code
   * db.selectFrom(USERS).orderBy(USERS.id).seek(USERS.id, lastId).limit(20)
   * // WHERE "id" > $1 ORDER BY "id" LIMIT $2
   * }</pre>
   *
   * @throws IllegalArgumentException when {@code a} is not the query's only ORDER BY term, or the value is null
   */
  public <A> S seek(Field<A> a, A lastA) {
    return seekAfter(List.of(a), lastA);
  }

  /**
   * Keyset pagination over two ORDER BY terms (a sort key and a unique tie-breaker, typically):
   * the rows after the last row seen, in the terms' directions.
   *
   * <pre>{@code
   * db.selectFrom(USERS).orderBy(USERS.createdAt).orderBy(USERS.id)
   *     .seek(USERS.createdAt, lastCreatedAt, USERS.id, lastId).limit(20)
   * // WHERE ("created_at" > $1 OR ("created_at" = $2 AND "id" > $3)) ORDER BY "created_at", "id" LIMIT $4
   * }</pre>
   *
   * @throws IllegalArgumentException when the columns are not the query's ORDER BY terms in order, or a value is null
   */
  public <A, B> S seek(Field<A> a, A lastA, Field<B> b, B lastB) {
    return seekAfter(List.of(a, b), lastA, lastB);
  }

  /** Keyset pagination over three ORDER BY terms; see {@link #seek(Field, Object, Field, Object)}. */
  public <A, B, C> S seek(Field<A> a, A lastA, Field<B> b, B lastB, Field<C> c, C lastC) {
    return seekAfter(List.of(a, b, c), lastA, lastB, lastC);
  }

  private S seekAfter(List<Field<?>> fields, Object... lastValues) {
    List<OrderItem> order = query.orderBy();
    if (order.size() != fields.size()) {
      throw new IllegalArgumentException("seek(...) needs one column and value per ORDER BY term: "
          + order.size() + " terms, " + fields.size() + " given");
    }
    for (int i = 0; i < order.size(); i++) {
      if (!order.get(i).expr().equals(fields.get(i).expr())) {
        throw new IllegalArgumentException("seek(...) column " + (i + 1) + " (" + fields.get(i).expr()
            + ") is not ORDER BY term " + (i + 1) + " (" + order.get(i).expr() + ")");
      }
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
      throw new IllegalArgumentException("seek(...) value of type " + value.getClass().getName()
          + " is not a " + type.javaType().getSimpleName() + " for " + expr);
    }
    return typed(type, value);
  }

  @SuppressWarnings("unchecked")
  private static <V> Param<V> typed(DataType<V> type, Object value) {
    return new Param<>((V) value, type);
  }

  @SuppressWarnings("unchecked")
  static <V> V cast(Object o) {
    return (V) o;
  }

  /**
   * Reads the soft-deleted rows of the FROM table too (a table with a {@code deletedAt()} column);
   * without one, the query is unchanged.
   */
  public S withDeleted() { return copy(SoftDeletes.unfiltered(query), fetchSize); }

  /**
   * Reads only the soft-deleted rows of the FROM table: {@code WHERE "deleted_at" IS NOT NULL}.
   *
   * @throws IllegalArgumentException when the FROM table has no {@code deletedAt()} column
   */
  public S onlyDeleted() { return copy(SoftDeletes.onlyDeleted(query), fetchSize); }

  /** The SQL and binds this query renders to in {@code dialect}; needs no connection. */
  public RenderedSql toSql(Dialect dialect) {
    return dialect.render(query);
  }

  /** The query's syntax tree. */
  public SelectQuery query() {
    return query;
  }

  final SelectQuery withFrom(dev.sluice.schema.Table<?> table) {
    return SoftDeletes.filtered(SoftDeletes.unfiltered(query).withFrom(table));
  }

  @Override public String toString() {
    return getClass().getSimpleName() + "[" + query + "]";
  }
}
