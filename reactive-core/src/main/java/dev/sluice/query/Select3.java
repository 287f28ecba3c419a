package dev.sluice.query;

import dev.sluice.internal.Executor;
import dev.sluice.internal.Readers;
import dev.sluice.internal.RowReader;
import dev.sluice.sql.SelectQuery;
import reactor.core.publisher.Flux;

/**
 * A SELECT of 3 typed values: {@code db.select(...).from(table)}. Rows come as
 * {@link Row3}, or through a function of matching argument types such as a record constructor:
 * {@code fetch(CityName::new)}. A constructor whose parameter types differ does not compile.
 *
 * @param <A> type of value 1
 * @param <B> type of value 2
 * @param <C> type of value 3
 */
public final class Select3<A, B, C> extends Projection<Row3<A, B, C>, Select3<A, B, C>> {

  Select3(Executor executor, SelectQuery query, int fetchSize) {
    super(executor, query, fetchSize);
  }


  @Override Select3<A, B, C> copy(SelectQuery query, int fetchSize) {
    return new Select3<>(executor, query, fetchSize);
  }

  @SuppressWarnings("unchecked")
  @Override RowReader<Row3<A, B, C>> reader() {
    return Readers.array(query.select(), v -> new Row3<>((A) v[0], (B) v[1], (C) v[2]));
  }

  /** Streams the rows mapped by {@code fn}, e.g. a record constructor reference. */
  @SuppressWarnings("unchecked")
  public <X> Flux<X> fetch(Function3<? super A, ? super B, ? super C, ? extends X> fn) {
    return run(Readers.array(query.select(), v -> fn.apply((A) v[0], (B) v[1], (C) v[2])));
  }
}
