package dev.sluice.internal;

import dev.sluice.sql.RenderedSql;
import dev.sluice.sql.SelectQuery;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * The first {@code max} rows of a read that returns few rows by construction ({@code fetchOne()},
 * {@code fetchFirst()}), or every row of one whose caller holds them all ({@code fetchList()}, the
 * statements of an eager load: {@code gathered}), on a connection of its own, as one operator: the work of {@link
 * OwnConnection}, {@link Handover}, {@link ResultRows} and {@code take(max).collectList()} without
 * their dozen subscribers per statement.
 *
 * <p>It keeps their rules: the acquire is never cancelled, and a connection that arrives after the
 * subscriber left is given back at once; the list is emitted once the connection is back; an error
 * is translated ({@link ErrorMapping}) after the connection was closed; a cancel before the driver
 * delivered a row discards the connection ({@link Discard#close}), a cancel after one gives it back
 * once it answers ({@link Discard#afterCancel}). The result is read until its end (the query's
 * {@code LIMIT} bounds it), so a normal read never cancels the driver; more rows than {@code max}
 * (a query with a larger {@code LIMIT} of its own) end the read as a cancel does.
 *
 * <p>Used only where nothing else must wrap the statement: outside any transaction (Sluice's or an
 * outside manager's), without read replicas, observers or a query timeout; everywhere else the
 * general path ({@link StatementRunner#query}) runs.
 */
final class PointRead<T> extends Mono<List<T>> {
  /** Rows asked of the driver at a time, as {@link ResultRows} asks (Reactor's small buffer). */
  private static final int PREFETCH = 32;

  private final StatementRunner runner;
  private final SelectQuery query;
  private final RowReader<T> reader;
  private final int max;
  private final int rowsPerFetch;
  /** Every row is wanted, as one list ({@code fetchList}): the read is prepared as a gathered one. */
  private final boolean gathered;

  PointRead(StatementRunner runner, SelectQuery query, RowReader<T> reader, int max, int rowsPerFetch) {
    this(runner, query, reader, max, rowsPerFetch, false);
  }

  PointRead(StatementRunner runner, SelectQuery query, RowReader<T> reader, int max, int rowsPerFetch,
      boolean gathered) {
    this.runner = runner;
    this.query = query;
    this.reader = reader;
    this.max = max;
    this.rowsPerFetch = rowsPerFetch;
    this.gathered = gathered;
  }

  @Override
  public void subscribe(CoreSubscriber<? super List<T>> actual) {
    Context ctx = actual.currentContext();
    if (!runner.pointReadApplies(ctx)) {
      if (gathered) {
        runner.query(query, reader, rowsPerFetch, Route.PRIMARY_READ, true).collectList().subscribe(actual);
      } else {
        runner.query(query, reader, rowsPerFetch).take(max).collectList().subscribe(actual);
      }
      return;
    }
    RenderedSql sql;
    Publisher<? extends Connection> acquire;
    try {
      sql = runner.render(query, true);
      acquire = runner.connectionFactory().create();
    } catch (Throwable e) {
      Operators.error(actual, runner.translateAcquire(e));
      return;
    }
    Run<T> run = new Run<>(this, actual, sql);
    actual.onSubscribe(run);
    acquire.subscribe(run.opening());
  }

  /** One subscription: the connection, the statement, its rows, the clean-up. */
  static final class Run<T> extends Operators.MonoSubscriber<List<T>, List<T>> {
    private static final int OPENING = 0;
    private static final int RUNNING = 1;
    private static final int ENDED = 2;  // read to its end, failed or cancelled: the clean-up is under way
    @SuppressWarnings("rawtypes")
    private static final AtomicIntegerFieldUpdater<Run> STATE = AtomicIntegerFieldUpdater.newUpdater(Run.class, "state");

    private final PointRead<T> read;
    private final RenderedSql sql;
    private final List<T> rows;
    @SuppressWarnings("rawtypes")
    private static final AtomicIntegerFieldUpdater<Run> OPEN = AtomicIntegerFieldUpdater.newUpdater(Run.class, "open");

    private volatile int state;
    /** Streams not yet ended: the results (1 from the start) and the rows of the result being read. */
    private volatile int open = 1;
    private volatile boolean delivered;
    private volatile Connection connection;
    private volatile Subscription results;
    private volatile Subscription rowsOfResult;

    Run(PointRead<T> read, CoreSubscriber<? super List<T>> actual, RenderedSql sql) {
      super(actual);
      this.read = read;
      this.sql = sql;
      this.rows = new ArrayList<>(Math.min(read.max, read.gathered ? 16 : 4));
    }

    @Override
    public void cancel() {
      super.cancel();  // the list is not emitted after this; a list that was ready is let go
      int s = state;
      while (s != ENDED) {
        if (STATE.compareAndSet(this, s, ENDED)) {
          if (s == RUNNING) {
            stopReading();
            Connection c = connection;
            quietly(delivered ? Discard.afterCancel(c) : Discard.close(c));
          }
          return;  // while OPENING: the connection is given back when it arrives
        }
        s = state;
      }
    }

    CoreSubscriber<Connection> opening() {
      return new Step<>(this) {
        @Override
        public void onSubscribe(Subscription s) {
          s.request(Long.MAX_VALUE);  // never cancelled: see Handover
        }

        @Override
        public void onNext(Connection c) {
          connection = c;
          if (STATE.compareAndSet(Run.this, OPENING, RUNNING)) {
            execute(c);
          } else {
            quietly(Connections.quietClose(c, null));
          }
        }

        @Override
        public void onError(Throwable e) {
          if (STATE.compareAndSet(Run.this, OPENING, ENDED)) {
            actual.onError(read.runner.translateAcquire(e));
          }
        }

        @Override
        public void onComplete() {
          if (STATE.compareAndSet(Run.this, OPENING, ENDED)) {  // the factory gave no connection
            complete(new ArrayList<>());
          }
        }
      };
    }

    private void execute(Connection c) {
      Publisher<? extends Result> executed;
      try {
        executed = read.runner.prepareRead(c, sql, read.rowsPerFetch, read.query, read.gathered).execute();
      } catch (Throwable e) {
        fail(e);
        return;
      }
      executed.subscribe(new Step<Result>(this) {
        @Override
        public void onSubscribe(Subscription s) {
          results = s;
          if (state == ENDED) {
            s.cancel();
          } else {
            s.request(1);
          }
        }

        @Override
        public void onNext(Result r) {
          Publisher<T> mapped;
          try {
            mapped = r.map((row, meta) -> read.reader.read(read.runner.adapt(row)));
          } catch (Throwable e) {
            fail(e);
            return;
          }
          OPEN.incrementAndGet(Run.this);
          mapped.subscribe(rowsOf());
        }

        @Override
        public void onError(Throwable e) {
          fail(e);
        }

        @Override
        public void onComplete() {
          streamEnded();
        }
      });
    }

    /**
     * One of the streams still open ended: the results, or the rows of one result (a driver may
     * complete the results before their rows were read). The last one ends the read: the connection
     * goes back, then the rows are emitted.
     */
    private void streamEnded() {
      if (OPEN.decrementAndGet(this) == 0 && STATE.compareAndSet(this, RUNNING, ENDED)) {
        // the list goes out once it is asked for (MonoSubscriber keeps it until then)
        Mono.from(connection.close()).subscribe(null, actual::onError, () -> complete(rows), currentContext());
      }
    }

    private CoreSubscriber<T> rowsOf() {
      return new Step<T>(this) {
        private int prefetched;

        @Override
        public void onSubscribe(Subscription s) {
          rowsOfResult = s;
          if (state == ENDED) {
            s.cancel();
          } else {
            // demand of its own, as ResultRows gives it: never a publisher that saw no request; a
            // gathered read holds every row anyway, so it asks for them all at once
            prefetched = PREFETCH;
            s.request(read.gathered ? Long.MAX_VALUE : prefetched);
          }
        }

        @Override
        public void onNext(T row) {
          if (state != RUNNING) {
            return;
          }
          if (!delivered) {
            delivered = true;  // written once, not per row
          }
          if (rows.size() == read.max) {
            // more rows than asked for: the query's own LIMIT is larger; stop as a cancel would
            if (STATE.compareAndSet(Run.this, RUNNING, ENDED)) {
              stopReading();
              Mono<Void> back = Discard.afterCancel(connection);
              Mono.from(back).subscribe(null, e -> emitRows(), this::emitRows, currentContext());
            }
            return;
          }
          rows.add(row);
          if (!read.gathered && --prefetched == 0) {
            prefetched = PREFETCH;
            rowsOfResult.request(prefetched);
          }
        }

        private void emitRows() {
          complete(rows);
        }

        @Override
        public void onError(Throwable e) {
          fail(e);
        }

        @Override
        public void onComplete() {
          Subscription s = results;
          if (state == RUNNING && s != null) {
            s.request(1);  // the next result, if any (a request after the results ended is ignored)
          }
          streamEnded();
        }
      };
    }

    private void fail(Throwable e) {
      if (STATE.compareAndSet(this, RUNNING, ENDED)) {
        stopReading();
        Throwable translated = read.runner.translate(e, sql, read.query);
        Connections.quietClose(connection, translated).subscribe(null, x -> actual.onError(translated),
            () -> actual.onError(translated), currentContext());
      }
    }

    private void stopReading() {
      Subscription r = rowsOfResult;
      if (r != null) {
        r.cancel();
      }
      Subscription s = results;
      if (s != null) {
        s.cancel();
      }
    }

    private void quietly(Mono<Void> cleanUp) {
      cleanUp.subscribe(null, e -> { }, null, currentContext());
    }
  }

  /** A subscriber of one step of a {@link Run}, in the caller's Context. */
  private abstract static class Step<X> implements CoreSubscriber<X> {
    private final Run<?> run;

    Step(Run<?> run) {
      this.run = run;
    }

    @Override
    public Context currentContext() {
      return run.currentContext();
    }
  }
}
