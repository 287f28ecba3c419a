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
 * A query over 2 joined tables. {@link #fetch()} gives generic {@link Row}s
 * ({@code row.into(USERS)}, {@code row.get(CITIES.name)}); {@code fetch((a, b, ...) -> ...)} gives
 * one record per table, null for the unmatched side of an outer join.
 *
 * @param <A> row record of table 1
 * @param <B> row record of table 2
 */
public final class Joined2<A, B> extends SelectBase<Row, Joined2<A, B>> {
  private final List<Table<?>> tables;

  Joined2(Executor executor, SelectQuery query, int fetchSize, List<Table<?>> tables) {
    super(executor, query, fetchSize);
    this.tables = tables;
  }

  @Override Joined2<A, B> copy(SelectQuery query, int fetchSize) {
    return new Joined2<>(executor, query, fetchSize, tables);
  }

  @Override RowReader<Row> reader() {
    return Readers.row(query.select());
  }

  /** Streams one record per table to {@code fn}; unmatched outer-join sides are null. */
  @SuppressWarnings("unchecked")
  public <X> Flux<X> fetch(java.util.function.BiFunction<? super A, ? super B, ? extends X> fn) {
    RowReader<Object[]> records = Readers.joined(tables, query.select());
    return run(row -> {
      Object[] r = records.read(row);
      return fn.apply((A) r[0], (B) r[1]);
    });
  }

  /** {@code INNER JOIN table ON ...}. */
  public <C> JoinOn<Joined3<A, B, C>> join(Table<C> table) { return joinOn(JoinType.INNER, table); }

  /** {@code LEFT JOIN table ON ...}; the joined record is null where nothing matches. */
  public <C> JoinOn<Joined3<A, B, C>> leftJoin(Table<C> table) { return joinOn(JoinType.LEFT, table); }

  /** {@code RIGHT JOIN table ON ...}. */
  public <C> JoinOn<Joined3<A, B, C>> rightJoin(Table<C> table) { return joinOn(JoinType.RIGHT, table); }

  /** {@code FULL JOIN table ON ...}. */
  public <C> JoinOn<Joined3<A, B, C>> fullJoin(Table<C> table) { return joinOn(JoinType.FULL, table); }

  /** {@code CROSS JOIN table}. */
  public <C> Joined3<A, B, C> crossJoin(Table<C> table) {
    return new Joined3<>(executor, Joins.add(query, JoinType.CROSS, table, null), fetchSize, Joins.plus(tables, table));
  }

  private <C> JoinOn<Joined3<A, B, C>> joinOn(JoinType type, Table<C> table) {
    return new JoinOn<>(on -> new Joined3<>(executor, Joins.add(query, type, table, on), fetchSize,
        Joins.plus(tables, table)));
  }
}
