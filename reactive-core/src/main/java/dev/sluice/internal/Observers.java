package dev.sluice.internal;

import dev.sluice.observe.Finish;
import dev.sluice.observe.Operation;
import dev.sluice.observe.QueryName;
import dev.sluice.observe.QueryObserver;
import dev.sluice.observe.StatementEvent;
import dev.sluice.observe.TransactionEvent;
import dev.sluice.sql.Bind;
import dev.sluice.sql.CompoundSelect;
import dev.sluice.sql.CountQuery;
import dev.sluice.sql.DeleteQuery;
import dev.sluice.sql.InsertQuery;
import dev.sluice.sql.InsertSelect;
import dev.sluice.sql.RawStatement;
import dev.sluice.sql.RenderedSql;
import dev.sluice.sql.SelectQuery;
import dev.sluice.sql.Statement;
import dev.sluice.sql.UpdateQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * The observers of one {@code Database}, chained: tells them of each statement and transaction and
 * of how it ended. An observer that throws is logged and skipped; it never breaks the statement.
 * With no observer, {@link #active()} is false and the runners do not call in at all.
 */
final class Observers {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Observers.class);
  static final Observers NONE = new Observers(List.of(), null, null, false);

  private final List<QueryObserver> chain;
  private final String database;
  private final String dialect;
  private final boolean revealBinds;

  Observers(List<QueryObserver> chain, String database, String dialect, boolean revealBinds) {
    this.chain = List.copyOf(chain);
    this.database = database;
    this.dialect = dialect;
    this.revealBinds = revealBinds;
  }

  boolean active() {
    return !chain.isEmpty();
  }

  /** {@code rows} of {@code statement}, observed: the rows delivered are counted. */
  <T> Flux<T> rows(Statement statement, RenderedSql sql, ContextView ctx, TxHandle tx, Flux<T> rows) {
    return Flux.defer(() -> {
      Ended end = new Ended(start(event(operation(statement), table(statement), sql, ctx, tx)));
      return rows.doOnNext(row -> end.rows.incrementAndGet())
          .doOnComplete(end::succeeded).doOnError(end::failed).doOnCancel(end::cancelled);
    });
  }

  /** A write's count of changed rows, observed. */
  Mono<Long> count(Statement statement, RenderedSql sql, ContextView ctx, TxHandle tx, Mono<Long> count) {
    return Mono.defer(() -> {
      Ended end = new Ended(start(event(operation(statement), table(statement), sql, ctx, tx)));
      return count.doOnNext(end.rows::set)
          .doOnSuccess(n -> end.succeeded()).doOnError(end::failed).doOnCancel(end::cancelled);
    });
  }

  /** Schema statements without binds (createTables and the like), observed as DDL. */
  Mono<Long> ddl(String sql, ContextView ctx, TxHandle tx, Mono<Long> count) {
    return Mono.defer(() -> {
      Ended end = new Ended(start(event(Operation.DDL, null, new RenderedSql(sql, List.of()), ctx, tx)));
      return count.doOnNext(end.rows::set)
          .doOnSuccess(n -> end.succeeded()).doOnError(end::failed).doOnCancel(end::cancelled);
    });
  }

  /** A top-level transaction, observed; {@code statements} says how many it ran when it ends. */
  <T> Flux<T> transaction(long id, ContextView ctx, java.util.function.LongSupplier statements, Flux<T> body) {
    return Flux.defer(() -> {
      TransactionEvent event = new TransactionEvent(database, dialect, id, QueryName.in(ctx), ctx);
      List<Finish> finishes = new ArrayList<>(chain.size());
      for (QueryObserver o : chain) {
        try {
          Finish f = o.transaction(event);
          finishes.add(f == null ? Finish.NOTHING : f);
        } catch (RuntimeException e) {
          LOG.warn("Query observer {} failed on {}; skipped", o, event, e);
        }
      }
      Ended end = new Ended(finishes);
      return body.doOnComplete(() -> {
        end.rows.set(statements.getAsLong());
        end.succeeded();
      }).doOnError(e -> {
        end.rows.set(statements.getAsLong());
        end.failed(e);
      }).doOnCancel(() -> {
        end.rows.set(statements.getAsLong());
        end.cancelled();
      });
    });
  }

  private StatementEvent event(Operation op, String table, RenderedSql sql, ContextView ctx, TxHandle tx) {
    List<Object> binds = new ArrayList<>(sql.binds().size());
    for (Bind b : sql.binds()) {
      binds.add(revealBinds ? b.value() : "?");
    }
    return new StatementEvent(database, dialect, op, table, sql.sql(), binds, QueryName.in(ctx),
        tx == null ? null : tx.id(), ctx);
  }

  private List<Finish> start(StatementEvent event) {
    List<Finish> finishes = new ArrayList<>(chain.size());
    for (QueryObserver o : chain) {
      try {
        Finish f = o.statement(event);
        finishes.add(f == null ? Finish.NOTHING : f);
      } catch (RuntimeException e) {
        LOG.warn("Query observer {} failed on {}; skipped", o, event, e);
      }
    }
    return finishes;
  }

  static Operation operation(Statement s) {
    if (s instanceof InsertQuery || s instanceof InsertSelect) {
      return Operation.INSERT;
    }
    if (s instanceof UpdateQuery) {
      return Operation.UPDATE;
    }
    if (s instanceof DeleteQuery) {
      return Operation.DELETE;
    }
    if (s instanceof RawStatement raw) {
      return raw.reads() ? Operation.SELECT : Operation.RAW;
    }
    return Operation.SELECT; // SelectQuery, CompoundSelect, CountQuery
  }

  static String table(Statement s) {
    if (s instanceof SelectQuery q) {
      return q.from() == null ? null : q.from().name();
    }
    if (s instanceof CompoundSelect q) {
      return table(q.parts().get(0));
    }
    if (s instanceof CountQuery q) {
      return table(q.query());
    }
    if (s instanceof InsertQuery q) {
      return q.table().name();
    }
    if (s instanceof InsertSelect q) {
      return q.table().name();
    }
    if (s instanceof UpdateQuery q) {
      return q.table().name();
    }
    if (s instanceof DeleteQuery q) {
      return q.table().name();
    }
    return null; // raw SQL
  }

  /** The end of one statement or transaction, told once to every observer's {@link Finish}. */
  private static final class Ended {
    final AtomicLong rows = new AtomicLong();
    private final List<Finish> finishes;
    private final long started = System.nanoTime();
    private final AtomicBoolean told = new AtomicBoolean();

    Ended(List<Finish> finishes) {
      this.finishes = finishes;
    }

    void succeeded() {
      tell(0, null);
    }

    void failed(Throwable error) {
      tell(1, error);
    }

    void cancelled() {
      tell(2, null);
    }

    private void tell(int how, Throwable error) {
      if (!told.compareAndSet(false, true)) {
        return;
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      long n = rows.get();
      for (Finish f : finishes) {
        try {
          switch (how) {
            case 0 -> f.succeeded(n, elapsed);
            case 1 -> f.failed(error, elapsed);
            default -> f.cancelled(n, elapsed);
          }
        } catch (RuntimeException e) {
          LOG.warn("Query observer's Finish {} failed; skipped", f, e);
        }
      }
    }
  }
}
