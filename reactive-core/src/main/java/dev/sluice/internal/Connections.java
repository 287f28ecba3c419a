package dev.sluice.internal;

import dev.sluice.error.ConnectionAcquireTimeoutException;
import dev.sluice.error.ConnectionLostException;
import dev.sluice.error.DatabaseClosedException;
import dev.sluice.error.IllegalUseException;
import dev.sluice.spi.ConnectionSource;
import dev.sluice.spi.Dialect;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcTimeoutException;
import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Where a statement's connection comes from: the Sluice transaction in the subscriber's
 * {@code Context} (a {@link TxHandle} under this object as key), else a transaction of another
 * manager that {@link OutsideTransaction} finds (Spring's), else a connection of its own from the
 * factory, held inside {@code usingWhen} and closed on completion, error and cancel. A pool's
 * acquire timeout or shutdown becomes a typed error.
 */
final class Connections {
  private final ConnectionFactory factory;
  private final Dialect dialect;
  private final OutsideTransaction outside;
  private final Duration acquireTimeout;
  private final ReplicaRouter replicas;

  Connections(ConnectionFactory factory, Dialect dialect, ConnectionSource source, ConnectionFactory given,
      ForeignPolicy foreign, Duration acquireTimeout) {
    this(factory, dialect, source, given, foreign, acquireTimeout, null);
  }

  /** {@code replicas}: where reads go outside transactions (null: no replicas, everything on {@code factory}). */
  Connections(ConnectionFactory factory, Dialect dialect, ConnectionSource source, ConnectionFactory given,
      ForeignPolicy foreign, Duration acquireTimeout, ReplicaRouter replicas) {
    this.factory = factory;
    this.dialect = dialect;
    this.outside = new OutsideTransaction(source, factory, given, foreign);
    this.acquireTimeout = acquireTimeout;
    this.replicas = replicas;
  }

  /** The scope of the Sluice transaction in {@code ctx}, or null outside one. */
  TxHandle current(ContextView ctx) {
    return ctx.getOrDefault(this, null);
  }

  /** A Context that carries {@code scope} as the transaction in progress. */
  Context carrying(TxHandle scope) {
    return Context.of(this, scope);
  }

  OutsideTransaction outside() { return outside; }

  /**
   * Runs {@code fn} with the current transaction's connection (Sluice's, or an outside manager's),
   * or a fresh one closed afterwards; {@code writes} says whether the work may change data, in
   * which case, inside a transaction, a cancel lets it run to its end before the transaction ends
   * (see {@link TxHandle}).
   */
  <T> Flux<T> withConnection(boolean writes, Function<Connection, Publisher<T>> fn) {
    return withConnection(writes, Route.WRITE, fn);
  }

  /**
   * {@link #withConnection(boolean, Function)} for a statement of {@code route}: with read replicas,
   * outside a transaction, the {@link ReplicaRouter} decides where it runs (a transaction's
   * statements, reads included, stay on its connection, on the primary).
   */
  <T> Flux<T> withConnection(boolean writes, Route route, Function<Connection, Publisher<T>> fn) {
    return Flux.deferContextual(ctx -> {
      TxHandle tx = current(ctx);
      if (tx != null) {
        return replicas == null ? tx.use(fn, writes) : replicas.noted(ctx, route, tx.use(fn, writes));
      }
      if (replicas != null) {
        Supplier<Flux<T>> routed = () -> replicas.route(ctx, route, fn, () -> pooled(fn));
        return replicas.noted(ctx, route, outside.mayBeActive(ctx) ? outside.run(fn, writes, routed) : routed.get());
      }
      if (!outside.mayBeActive(ctx)) {
        return pooled(fn);
      }
      return outside.run(fn, writes, () -> pooled(fn));
    });
  }

  /**
   * {@code work} on an outside manager's connection if one is in {@code ctx}'s transaction, else
   * {@code otherwise}; see {@link OutsideTransaction#runJoined} for the callback {@code work} gets.
   */
  <T> Flux<T> outsideOr(ContextView ctx, BiFunction<Connection, Runnable, Publisher<T>> work,
      Supplier<Flux<T>> otherwise) {
    return outside.mayBeActive(ctx) ? outside.runJoined(work, otherwise) : otherwise.get();
  }

  /**
   * {@code fn} on a connection of its own, given back when it ends. A cancel before {@code fn}
   * delivered anything discards the connection ({@link Discard}): the driver may still be waiting
   * for the statement's first response, and the next statement on it would hang.
   */
  private <T> Flux<T> pooled(Function<Connection, Publisher<T>> fn) {
    return OwnConnection.run(acquire(), fn);
  }

  /** A connection from the factory; a pool's acquire timeout becomes a typed error. */
  Mono<Connection> acquire() {
    return Mono.defer(() -> Mono.<Connection>from(requireFactory().create()))
        .onErrorMap(this::acquireError);
  }

  /** Closes {@code c}; a failure is attached to {@code cause} as suppressed. */
  static Mono<Void> quietClose(Connection c, Throwable cause) {
    return Mono.from(c.close()).onErrorResume(e -> {
      if (cause != null && cause != e) {
        cause.addSuppressed(e);
      }
      return Mono.empty();
    });
  }

  /** A failed acquire as Sluice reports it: a pool's timeout or shutdown, a lost connection, typed. */
  Throwable acquireError(Throwable e) {
    if (e instanceof reactor.pool.PoolShutdownException) {
      return new DatabaseClosedException("This Database was closed: its connection pool is shut down", e);
    }
    if (e instanceof R2dbcTimeoutException || e instanceof java.util.concurrent.TimeoutException) {
      int size = poolSize();
      Duration timeout = acquireTimeout;
      return new ConnectionAcquireTimeoutException("No connection available"
          + (size > 0 ? " from the pool of " + size + " connections" : "")
          + (timeout != null ? " within the acquire timeout of " + timeout.toMillis() + " ms" : "")
          + ": more concurrent work than connections, or connections held too long ("
          + e.getMessage() + ")", e, size, timeout);
    }
    if (dialect.isConnectionLost(e)) {
      return new ConnectionLostException("Could not connect: " + e.getMessage(), e, null);
    }
    return e;
  }

  private int poolSize() {
    if (factory instanceof io.r2dbc.pool.ConnectionPool pool) {
      return pool.getMetrics().map(io.r2dbc.pool.PoolMetrics::getMaxAllocatedSize).orElse(-1);
    }
    return -1;
  }

  /** The factory statements outside a transaction get their connection from. */
  ConnectionFactory factory() {
    return requireFactory();
  }

  private ConnectionFactory requireFactory() {
    if (factory == null) {
      throw new IllegalUseException("This Database has no connection factory: it can only render SQL");
    }
    return factory;
  }
}
