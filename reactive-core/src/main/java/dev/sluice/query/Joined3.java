package dev.sluice.query;

import dev.sluice.Row;
import dev.sluice.internal.Executor;
import dev.sluice.internal.Readers;
import dev.sluice.internal.RowReader;
import dev.sluice.schema.Table;
import dev.sluice.sql.JoinType;
import dev.sluice.sql.SelectQuery;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * A query over 3 joined tables. {@link #fetch()} gives generic {@link Row}s
 * ({@code row.into(USERS)}, {@code row.get(CITIES.name)}); {@code fetch((a, b, ...) -> ...)} gives
 * one record per table, null for the unmatched side of an outer join.
 *
 * @param <A> row record of table 1
 * @param <B> row record of table 2
 * @param <C> row record of table 3
 */
public final class Joined3<A, B, C> extends SelectBase<Row, Joined3<A, B, C>> {
  private final List<Table<?>> tables;

  Joined3(Executor executor, SelectQuery query, int fetchSize, List<Table<?>> tables) {
    super(executor, query, fetchSize);
    this.tables = tables;
  }

  @Override Joined3<A, B, C> copy(SelectQuery query, int fetchSize) {
    return new Joined3<>(executor, query, fetchSize, tables);
  }

  @Override RowReader<Row> reader() {
    return Readers.row(query.select());
  }

  /** Streams one record per table to {@code fn}; unmatched outer-join sides are null. */
  @SuppressWarnings("unchecked")
  public <X> Flux<X> fetch(Function3<? super A, ? super B, ? super C, ? extends X> fn) {
    RowReader<Object[]> records = Readers.joined(tables, query.select());
    return run(row -> {
      Object[] r = records.read(row);
      return fn.apply((A) r[0], (B) r[1], (C) r[2]);
    });
  }

  /** {@code INNER JOIN table ON ...}. */
  public <D> JoinOn<Joined4<A, B, C, D>> join(Table<D> table) { return joinOn(JoinType.INNER, table); }

  /** {@code LEFT JOIN table ON ...}; the joined record is null where nothing matches. */
  public <D> JoinOn<Joined4<A, B, C, D>> leftJoin(Table<D> table) { return joinOn(JoinType.LEFT, table); }

  /** {@code RIGHT JOIN table ON ...}. */
  public <D> JoinOn<Joined4<A, B, C, D>> rightJoin(Table<D> table) { return joinOn(JoinType.RIGHT, table); }

  /** {@code FULL JOIN table ON ...}. */
  public <D> JoinOn<Joined4<A, B, C, D>> fullJoin(Table<D> table) { return joinOn(JoinType.FULL, table); }

  /** {@code CROSS JOIN table}. */
  public <D> Joined4<A, B, C, D> crossJoin(Table<D> table) {
    return new Joined4<>(executor, Joins.add(query, JoinType.CROSS, table, null), fetchSize, Joins.plus(tables, table));
  }

  private <D> JoinOn<Joined4<A, B, C, D>> joinOn(JoinType type, Table<D> table) {
    return new JoinOn<>(on -> new Joined4<>(executor, Joins.add(query, type, table, on), fetchSize,
        Joins.plus(tables, table)));
  }
}
