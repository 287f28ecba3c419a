package dev.sluice.internal;

import dev.sluice.error.TransactionTimeoutException;
import dev.sluice.spi.Dialect;
import dev.sluice.sql.RenderedSql;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a body in a transaction: at the top level, one {@code usingWhen} whose resource is the
 * transaction (commit on completion, rollback on error and on cancel, then close); inside a
 * transaction, a savepoint ({@link TxHandle#openNested}); inside another manager's transaction on
 * the same factory, a savepoint on its connection. Also begins the transactions whose end the
 * caller decides ({@link ManualTransaction}).
 */
final class TransactionRunner {
  private static final Runnable NOTHING = () -> { };
  private static final RenderedSql COMMIT = new RenderedSql("COMMIT", List.of());
  private static final RenderedSql BEGIN = new RenderedSql("BEGIN", List.of());

  private final Dialect dialect;
  private final Connections connections;
  private final ErrorMapping errors;
  private final ConnectionFactory unpooled;
  private final Observers observers;
  private final CachedReads cached;
  /** Transaction ids for observers, unique per Database. */
  private final java.util.concurrent.atomic.AtomicLong ids = new java.util.concurrent.atomic.AtomicLong();

  TransactionRunner(Dialect dialect, Connections connections, ErrorMapping errors, ConnectionFactory unpooled,
      Observers observers, CachedReads cached) {
    this.observers = observers;
    this.cached = cached;
    this.dialect = dialect;
    this.connections = connections;
    this.errors = errors;
    this.unpooled = unpooled;
  }

  /**
   * Runs {@code body} in a transaction with {@code options}. Whatever the body's type ({@code Mono},
   * {@code Flux}, any {@code Publisher}), its last value is emitted only after the commit (or the
   * release of the savepoint) succeeded ({@link LastAfterEnd}): taking the values a body produced,
   * {@code .next()} on a one-value body say, never cancels, and so rolls back, a transaction that
   * was about to commit. The retry policy re-runs the whole body in a fresh transaction; it applies
   * to the outermost transaction only.
   */
  <T> Flux<T> inTransaction(Supplier<? extends Publisher<T>> body, TxSpec options) {
    TxSpec opts = options == null ? TxSpec.DEFAULTS : options;
    return Flux.deferContextual(ctx -> {
      TxHandle outer = connections.current(ctx);
      if (outer != null) {
        return nested(outer, body, opts, NOTHING);
      }
      // Inside another manager's transaction: a savepoint on its connection; it commits, not Sluice.
      return connections.outsideOr(ctx, (c, done) -> {
        TxHandle joined = new TxHandle(c, 0);
        return nested(joined, body, opts, done).contextWrite(connections.carrying(joined));
      }, () -> topLevel(body, opts));
    });
  }

  /** True inside a Sluice transaction of this database. */
  Mono<Boolean> inTransactionNow() {
    return Mono.deferContextual(ctx -> Mono.just(connections.current(ctx) != null));
  }

  /** Begins a transaction whose end the caller decides; its connection is held until then. */
  Mono<ManualTransaction> begin(TxSpec options) {
    TxSpec opts = options == null ? TxSpec.DEFAULTS : options;
    return connections.acquire().flatMap(c -> begin(c, opts)
        .onErrorResume(e -> Connections.quietClose(c, e).then(Mono.error(errors.translate(e, BEGIN))))
        .thenReturn(new ManualTransaction(new TxHandle(c, ids.incrementAndGet()), this, connections, errors)));
  }

  /**
   * One {@code usingWhen} whose resource is the whole transaction (connection acquired and begun)
   * and whose clean-ups end the transaction and only then close the connection. Closing in a
   * separate, outer {@code usingWhen} would race with the rollback on cancel: the connection went
   * back to the pool (which rolls it back) while a statement of the cancelled body was still on its
   * way, and that statement then ran, and committed, in auto-commit.
   */
  private <T> Flux<T> topLevel(Supplier<? extends Publisher<T>> body, TxSpec opts) {
    Flux<T> once = Flux.deferContextual(ctx -> {
      Publisher<T> work = body.get();
      long id = ids.incrementAndGet();
      java.util.concurrent.atomic.AtomicReference<TxHandle> handle = new java.util.concurrent.atomic.AtomicReference<>();
      Mono<TxHandle> open = connections.acquire().flatMap(c -> begin(c, opts)
          .onErrorResume(e -> Connections.quietClose(c, e).then(Mono.error(errors.translate(e, BEGIN))))
          .thenReturn(new TxHandle(c, id))).doOnNext(handle::set);
      Function<TxHandle, Mono<Void>> commit = tx -> closeAfter(tx, tx.end(this::commitOrRollback))
          .then(Mono.defer(() -> committed(tx)));
      BiFunction<TxHandle, Throwable, Mono<Void>> onError =
          (tx, err) -> closeAfter(tx, tx.end(c -> quietRollback(c, err)));
      Function<TxHandle, Mono<Void>> onCancel = tx -> closeAfter(tx, tx.end(c -> quietRollback(c, null)));
      Flux<T> run = LastAfterEnd.of(Handover.usingWhen(open,
          tx -> bounded(Flux.from(work), opts, tx.connection()).contextWrite(connections.carrying(tx)),
          commit, onError, onCancel, onCancel));
      return observers.active() ? observers.transaction(id, ctx,
          () -> handle.get() == null ? 0 : handle.get().statements(), run) : run;
    });
    return opts.retry() == null ? once : once.retryWhen(opts.retry());
  }

  /**
   * A savepoint on the outer transaction's connection: released on success, rolled back to on error
   * and on cancel. Nested transactions of one scope are queued (see {@link TxHandle}), so the body
   * runs only once the savepoints subscribed before it have ended. {@code afterEnd} runs once the
   * savepoint has been released or rolled back to (or was never opened): inside another manager's
   * transaction, that manager's end waits for it.
   */
  private <T> Flux<T> nested(TxHandle outer, Supplier<? extends Publisher<T>> body, TxSpec opts,
      Runnable afterEnd) {
    if (!dialect.capabilities().savepoints()) {
      return Flux.defer(() -> bounded(Flux.from(body.get()), opts)).doFinally(signal -> afterEnd.run());
    }
    Connection c = outer.connection();
    return Flux.defer(() -> {
      Publisher<T> work = body.get();
      Mono<TxHandle> savepoint = outer.openNested(name -> Mono.from(c.createSavepoint(name))
          .onErrorMap(e -> errors.translate(e, new RenderedSql("SAVEPOINT " + name, List.of()))));
      Function<TxHandle, Mono<Void>> release = sp -> sp.end(cc -> Mono.from(cc.releaseSavepoint(sp.savepointName()))
          .onErrorMap(e -> errors.translate(e, new RenderedSql("RELEASE SAVEPOINT " + sp.savepointName(), List.of()))));
      BiFunction<TxHandle, Throwable, Mono<Void>> onError = (sp, err) ->
          sp.end(cc -> Mono.from(cc.rollbackTransactionToSavepoint(sp.savepointName())).onErrorResume(re -> {
            err.addSuppressed(re);
            return Mono.empty();
          }));
      Function<TxHandle, Mono<Void>> onCancel = sp -> sp.end(cc ->
          Mono.from(cc.rollbackTransactionToSavepoint(sp.savepointName())).onErrorResume(re -> Mono.empty()));
      return LastAfterEnd.of(Flux.usingWhen(
          savepoint.doOnCancel(afterEnd).doOnError(e -> afterEnd.run()),
          sp -> bounded(Flux.from(work), opts).contextWrite(connections.carrying(sp)),
          sp -> release.apply(sp).doFinally(signal -> afterEnd.run()),
          (sp, err) -> onError.apply(sp, err).doFinally(signal -> afterEnd.run()),
          sp -> onCancel.apply(sp).doFinally(signal -> afterEnd.run())));
    });
  }

  /** Runs {@code end}, then closes the connection whatever the outcome; {@code end}'s error wins. */
  private static Mono<Void> closeAfter(TxHandle tx, Mono<Void> end) {
    Connection c = tx.connection();
    return end.onErrorResume(e -> Connections.quietClose(c, e).then(Mono.error(e)))
        .then(Mono.defer(() -> Mono.from(c.close())));
  }

  /** Drops from the query cache what a committed transaction wrote. */
  Mono<Void> committed(TxHandle tx) {
    if (!cached.enabled()) {
      return Mono.empty();
    }
    java.util.Set<String> tables = tx.writtenTables();
    return tables == null ? cached.invalidateAll() : cached.invalidateTables(tables);
  }

  /** Begins a transaction with the options on {@code c}. */
  private static Mono<Void> begin(Connection c, TxSpec opts) {
    return Mono.from(opts.definition() == null ? c.beginTransaction() : c.beginTransaction(opts.definition()));
  }

  /**
   * Commits; when the commit itself fails (a deferred constraint, a serialization failure at commit,
   * a lost connection) the transaction is rolled back (quietly), and the translated commit error
   * signalled.
   */
  Mono<Void> commitOrRollback(Connection c) {
    return Mono.from(c.commitTransaction())
        .onErrorResume(e -> {
          Throwable t = errors.translate(e, COMMIT);
          return quietRollback(c, t).then(Mono.error(t));
        });
  }

  /** Rolls back; a failure (e.g. on a dead connection) is attached to {@code cause} as suppressed. */
  private static Mono<Void> quietRollback(Connection c, Throwable cause) {
    return Mono.from(c.rollbackTransaction()).onErrorResume(e -> {
      if (cause != null && cause != e) {
        cause.addSuppressed(e);
      }
      return Mono.empty();
    });
  }

  /**
   * The body of a transaction on {@code c}, failing with {@link TransactionTimeoutException} after
   * the timeout; the statement running then is cancelled on the server first (see
   * {@link StatementTimer#boundTransaction}).
   */
  private <T> Flux<T> bounded(Flux<T> body, TxSpec opts, Connection c) {
    Duration timeout = opts.timeout();
    return timeout == null ? body : StatementTimer.boundTransaction(body, timeout, c, dialect, unpooled);
  }

  /** The body, failing with {@link TransactionTimeoutException} (and cancelled) after the timeout. */
  private static <T> Flux<T> bounded(Flux<T> body, TxSpec opts) {
    Duration timeout = opts.timeout();
    if (timeout == null) {
      return body;
    }
    return Flux.defer(() -> {
      AtomicBoolean expired = new AtomicBoolean();
      return body.takeUntilOther(Mono.delay(timeout).doOnNext(x -> expired.set(true)))
          .concatWith(Mono.defer(() -> expired.get()
              ? Mono.error(new TransactionTimeoutException(timeout)) : Mono.empty()));
    });
  }
}
