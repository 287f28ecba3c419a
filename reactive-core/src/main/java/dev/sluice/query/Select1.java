package dev.sluice.query;

import dev.sluice.internal.Executor;
import dev.sluice.internal.Readers;
import dev.sluice.internal.RowReader;
import dev.sluice.sql.SelectQuery;
import reactor.core.publisher.Flux;

/**
 * A SELECT of 1 typed value: {@code db.select(...).from(table)}. Rows come as
 * {@link Row1}, or through a function of matching argument types such as a record constructor:
 * {@code fetch(CityName::new)}. A constructor whose parameter types differ does not compile.
 *
 * @param <A> type of value 1
 */
public final class Select1<A> extends Projection<Row1<A>, Select1<A>> {

  Select1(Executor executor, SelectQuery query, int fetchSize) {
    super(executor, query, fetchSize);
  }


  @Override Select1<A> copy(SelectQuery query, int fetchSize) {
    return new Select1<>(executor, query, fetchSize);
  }

  @SuppressWarnings("unchecked")
  @Override RowReader<Row1<A>> reader() {
    return Readers.array(query.select(), v -> new Row1<>((A) v[0]));
  }

  /** Streams the rows mapped by {@code fn}, e.g. a record constructor reference. */
  @SuppressWarnings("unchecked")
  public <X> Flux<X> fetch(java.util.function.Function<? super A, ? extends X> fn) {
    return run(Readers.array(query.select(), v -> fn.apply((A) v[0])));
  }
}
