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
 * A query over 6 joined tables. {@link #fetch()} gives generic {@link Row}s
 * ({@code row.into(USERS)}, {@code row.get(CITIES.name)}); {@code fetch((a, b, ...) -> ...)} gives
 * one record per table, null for the unmatched side of an outer join.
 *
 * @param <A> row record of table 1
 * @param <B> row record of table 2
 * @param <C> row record of table 3
 * @param <D> row record of table 4
 * @param <E> row record of table 5
 * @param <F> row record of table 6
 */
public final class Joined6<A, B, C, D, E, F> extends SelectBase<Row, Joined6<A, B, C, D, E, F>> {
  private final List<Table<?>> tables;

  Joined6(Executor executor, SelectQuery query, int fetchSize, List<Table<?>> tables) {
    super(executor, query, fetchSize);
    this.tables = tables;
  }

  @Override Joined6<A, B, C, D, E, F> copy(SelectQuery query, int fetchSize) {
    return new Joined6<>(executor, query, fetchSize, tables);
  }

  @Override RowReader<Row> reader() {
    return Readers.row(query.select());
  }

  /** Streams one record per table to {@code fn}; unmatched outer-join sides are null. */
  @SuppressWarnings("unchecked")
  public <X> Flux<X> fetch(Function6<? super A, ? super B, ? super C, ? super D, ? super E, ? super F, ? extends X> fn) {
    RowReader<Object[]> records = Readers.joined(tables, query.select());
    return run(row -> {
      Object[] r = records.read(row);
      return fn.apply((A) r[0], (B) r[1], (C) r[2], (D) r[3], (E) r[4], (F) r[5]);
    });
  }
}
