package dev.sluice.query;

import dev.sluice.internal.Executor;
import dev.sluice.internal.RowReader;
import dev.sluice.schema.DataType;
import dev.sluice.schema.SqlKind;
import dev.sluice.spi.Dialect;
import dev.sluice.sql.CompoundSelect;
import dev.sluice.sql.Field;
import dev.sluice.sql.OrderItem;
import dev.sluice.sql.Param;
import dev.sluice.sql.RenderedSql;
import dev.sluice.sql.SelectQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * Queries combined with UNION, UNION ALL, INTERSECT or EXCEPT; rows read like the first query's.
 *
 * <pre>{@code
 * db.select(USERS.fullName).from(USERS).union(db.select(CHAT_GROUPS.name).from(CHAT_GROUPS))
 *     .orderBy(USERS.fullName).fetch();
 * // SELECT "full_name" FROM "users" UNION SELECT "name" FROM "chat_groups" ORDER BY "full_name"
 * }</pre>
 *
 * @param <T> the row type
 */
public final class Compound<T> {
  private static final DataType<Long> LONG = DataType.of(SqlKind.BIGINT, Long.class);

  private final Executor executor;
  private final CompoundSelect query;
  private final RowReader<T> reader;

  Compound(Executor executor, CompoundSelect query, RowReader<T> reader) {
    this.executor = executor;
    this.query = query;
    this.reader = reader;
  }

  static <T> Compound<T> of(SelectBase<T, ?> first, CompoundSelect.SetOp op, SelectBase<T, ?> second) {
    return new Compound<>(first.executor, new CompoundSelect(List.of(first.query, second.query),
        List.of(op), List.of(), null, null), first.reader());
  }

  public Compound<T> union(SelectBase<T, ?> other) { return add(CompoundSelect.SetOp.UNION, other); }

  public Compound<T> unionAll(SelectBase<T, ?> other) { return add(CompoundSelect.SetOp.UNION_ALL, other); }

  public Compound<T> intersect(SelectBase<T, ?> other) { return add(CompoundSelect.SetOp.INTERSECT, other); }

  public Compound<T> except(SelectBase<T, ?> other) { return add(CompoundSelect.SetOp.EXCEPT, other); }

  /** Orders the combined rows by an output column of the first query. */
  public Compound<T> orderBy(Field<?> field, Order order) {
    return orderBy(order == Order.DESC ? Dsl.desc(field) : Dsl.asc(field));
  }

  /** Orders the combined rows. */
  public Compound<T> orderBy(OrderItem... items) {
    List<OrderItem> o = new ArrayList<>(query.orderBy());
    o.addAll(Arrays.asList(items));
    return with(new CompoundSelect(query.parts(), query.ops(), o, query.limit(), query.offset()));
  }

  public Compound<T> limit(long n) {
    return with(new CompoundSelect(query.parts(), query.ops(), query.orderBy(), new Param<>(n, LONG),
        query.offset()));
  }

  public Compound<T> offset(long n) {
    return with(new CompoundSelect(query.parts(), query.ops(), query.orderBy(), query.limit(),
        new Param<>(n, LONG)));
  }

  /** These combined queries with their reads on the primary (with read replicas); see {@link SelectShape#onPrimary()}. */
  public Compound<T> onPrimary() {
    return new Compound<>(executor.onPrimary(), query, reader);
  }

  /** Streams the combined rows. */
  public Flux<T> fetch() {
    return executor.query(query, reader, executor.fetchSize());
  }

  /** The combined rows as one list, read in one execution; see {@link SelectBase#fetchList()}. */
  public reactor.core.publisher.Mono<List<T>> fetchList() {
    return executor.queryGathered(query, reader).collectList();
  }

  public RenderedSql toSql(Dialect dialect) { return dialect.render(query); }

  public CompoundSelect query() { return query; }

  private Compound<T> add(CompoundSelect.SetOp op, SelectBase<T, ?> other) {
    if (query.limit() != null || query.offset() != null || !query.orderBy().isEmpty()) {
      throw new IllegalStateException("Combine first, then order and page");
    }
    List<SelectQuery> parts = new ArrayList<>(query.parts());
    parts.add(other.query);
    List<CompoundSelect.SetOp> ops = new ArrayList<>(query.ops());
    ops.add(op);
    return with(new CompoundSelect(parts, ops, List.of(), null, null));
  }

  private Compound<T> with(CompoundSelect q) {
    return new Compound<>(executor, q, reader);
  }
}
