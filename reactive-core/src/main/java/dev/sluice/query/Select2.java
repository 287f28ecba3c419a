package dev.sluice.query;

import dev.sluice.internal.Executor;
import dev.sluice.internal.Readers;
import dev.sluice.internal.RowReader;
import dev.sluice.sql.SelectQuery;
import reactor.core.publisher.Flux;

/**
 * A SELECT of 2 typed values: {@code db.select(...).from(table)}. Rows come as
 * {@link Row2}, or through a function of matching argument types such as a record constructor:
 * {@code fetch(CityName::new)}. A constructor whose parameter types differ does not compile.
 *
 * @param <A> type of value 1
 * @param <B> type of value 2
 */
public final class Select2<A, B> extends Projection<Row2<A, B>, Select2<A, B>> {

  Select2(Executor executor, SelectQuery query, int fetchSize) {
    super(executor, query, fetchSize);
  }


  @Override Select2<A, B> copy(SelectQuery query, int fetchSize) {
    return new Select2<>(executor, query, fetchSize);
  }

  @SuppressWarnings("unchecked")
  @Override RowReader<Row2<A, B>> reader() {
    return Readers.array(query.select(), v -> new Row2<>((A) v[0], (B) v[1]));
  }

  /** Streams the rows mapped by {@code fn}, e.g. a record constructor reference. */
  @SuppressWarnings("unchecked")
  public <X> Flux<X> fetch(java.util.function.BiFunction<? super A, ? super B, ? extends X> fn) {
    return run(Readers.array(query.select(), v -> fn.apply((A) v[0], (B) v[1])));
  }
}
