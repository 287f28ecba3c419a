package dev.sluice.query;

import dev.sluice.internal.Executor;
import dev.sluice.internal.Readers;
import dev.sluice.internal.RowReader;
import dev.sluice.sql.SelectQuery;
import reactor.core.publisher.Flux;

/**
 * A SELECT of 8 typed values: {@code db.select(...).from(table)}. Rows come as
 * {@link Row8}, or through a function of matching argument types such as a record constructor:
 * {@code fetch(CityName::new)}. A constructor whose parameter types differ does not compile.
 *
 * @param <A> type of value 1
 * @param <B> type of value 2
 * @param <C> type of value 3
 * @param <D> type of value 4
 * @param <E> type of value 5
 * @param <F> type of value 6
 * @param <G> type of value 7
 * @param <H> type of value 8
 */
public final class Select8<A, B, C, D, E, F, G, H> extends Projection<Row8<A, B, C, D, E, F, G, H>, Select8<A, B, C, D, E, F, G, H>> {

  Select8(Executor executor, SelectQuery query, int fetchSize) {
    super(executor, query, fetchSize);
  }


  @Override Select8<A, B, C, D, E, F, G, H> copy(SelectQuery query, int fetchSize) {
    return new Select8<>(executor, query, fetchSize);
  }

  @SuppressWarnings("unchecked")
  @Override RowReader<Row8<A, B, C, D, E, F, G, H>> reader() {
    return Readers.array(query.select(), v -> new Row8<>((A) v[0], (B) v[1], (C) v[2], (D) v[3], (E) v[4], (F) v[5], (G) v[6], (H) v[7]));
  }

  /** Streams the rows mapped by {@code fn}, e.g. a record constructor reference. */
  @SuppressWarnings("unchecked")
  public <X> Flux<X> fetch(Function8<? super A, ? super B, ? super C, ? super D, ? super E, ? super F, ? super G, ? super H, ? extends X> fn) {
    return run(Readers.array(query.select(), v -> fn.apply((A) v[0], (B) v[1], (C) v[2], (D) v[3], (E) v[4], (F) v[5], (G) v[6], (H) v[7])));
  }
}
