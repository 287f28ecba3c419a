package dev.sluice.query;

import dev.sluice.internal.Executor;
import dev.sluice.internal.Readers;
import dev.sluice.internal.RowReader;
import dev.sluice.sql.SelectQuery;
import reactor.core.publisher.Flux;

/**
 * A SELECT of 4 typed values: {@code db.select(...).from(table)}. Rows come as
 * {@link Row4}, or through a function of matching argument types such as a record constructor:
 * {@code fetch(CityName::new)}. A constructor whose parameter types differ does not compile.
 *
 * @param <A> type of value 1
 * @param <B> type of value 2
 * @param <C> type of value 3
 * @param <D> type of value 4
 */
public final class Select4<A, B, C, D> extends Projection<Row4<A, B, C, D>, Select4<A, B, C, D>> {

  Select4(Executor executor, SelectQuery query, int fetchSize) {
    super(executor, query, fetchSize);
  }


  @Override Select4<A, B, C, D> copy(SelectQuery query, int fetchSize) {
    return new Select4<>(executor, query, fetchSize);
  }

  @SuppressWarnings("unchecked")
  @Override RowReader<Row4<A, B, C, D>> reader() {
    return Readers.array(query.select(), v -> new Row4<>((A) v[0], (B) v[1], (C) v[2], (D) v[3]));
  }

  /** Streams the rows mapped by {@code fn}, e.g. a record constructor reference. */
  @SuppressWarnings("unchecked")
  public <X> Flux<X> fetch(Function4<? super A, ? super B, ? super C, ? super D, ? extends X> fn) {
    return run(Readers.array(query.select(), v -> fn.apply((A) v[0], (B) v[1], (C) v[2], (D) v[3])));
  }
}
