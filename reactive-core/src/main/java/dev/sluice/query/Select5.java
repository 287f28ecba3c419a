package dev.sluice.query;

import dev.sluice.internal.Executor;
import dev.sluice.internal.Readers;
import dev.sluice.internal.RowReader;
import dev.sluice.sql.SelectQuery;
import reactor.core.publisher.Flux;

/**
 * A SELECT of 5 typed values: {@code db.select(...).from(table)}. Rows come as
 * {@link Row5}, or through a function of matching argument types such as a record constructor:
 * {@code fetch(CityName::new)}. A constructor whose parameter types differ does not compile.
 *
 * @param <A> type of value 1
 * @param <B> type of value 2
 * @param <C> type of value 3
 * @param <D> type of value 4
 * @param <E> type of value 5
 */
public final class Select5<A, B, C, D, E> extends Projection<Row5<A, B, C, D, E>, Select5<A, B, C, D, E>> {

  Select5(Executor executor, SelectQuery query, int fetchSize) {
    super(executor, query, fetchSize);
  }


  @Override Select5<A, B, C, D, E> copy(SelectQuery query, int fetchSize) {
    return new Select5<>(executor, query, fetchSize);
  }

  @SuppressWarnings("unchecked")
  @Override RowReader<Row5<A, B, C, D, E>> reader() {
    return Readers.array(query.select(), v -> new Row5<>((A) v[0], (B) v[1], (C) v[2], (D) v[3], (E) v[4]));
  }

  /** Streams the rows mapped by {@code fn}, e.g. a record constructor reference. */
  @SuppressWarnings("unchecked")
  public <X> Flux<X> fetch(Function5<? super A, ? super B, ? super C, ? super D, ? super E, ? extends X> fn) {
    return run(Readers.array(query.select(), v -> fn.apply((A) v[0], (B) v[1], (C) v[2], (D) v[3], (E) v[4])));
  }
}
