package dev.sluice.internal;

import dev.sluice.error.IllegalUseException;
import dev.sluice.error.SluiceException;
import dev.sluice.sql.RenderedSql;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A transaction begun by {@link Executor#begin}, whose end the caller decides: commit or rollback
 * exactly once; its connection is held until then. What {@code dev.sluice.Transaction} wraps.
 */
public final class ManualTransaction {
  private static final RenderedSql ROLLBACK = new RenderedSql("ROLLBACK", List.of());

  private final TxHandle handle;
  private final TransactionRunner transactions;
  private final Connections connections;
  private final ErrorMapping errors;
  private final AtomicBoolean done = new AtomicBoolean();

  ManualTransaction(TxHandle handle, TransactionRunner transactions, Connections connections, ErrorMapping errors) {
    this.handle = handle;
    this.transactions = transactions;
    this.connections = connections;
    this.errors = errors;
  }

  /** Runs {@code work} inside this transaction (its Context carries the transaction). */
  public <T> Flux<T> run(Publisher<T> work) {
    return Flux.defer(() -> done.get() ? Flux.error(finished()) : Flux.from(work))
        .contextWrite(connections.carrying(handle));
  }

  /** {@link #run(Publisher)} for one value. */
  public <T> Mono<T> run(Mono<T> work) {
    return Mono.defer(() -> done.get() ? Mono.<T>error(finished()) : work)
        .contextWrite(connections.carrying(handle));
  }

  /** Commits and returns the connection; a failed commit rolls back. */
  public Mono<Void> commit() {
    return Mono.defer(() -> done.compareAndSet(false, true)
        ? handle.end(transactions::commitOrRollback)
            .onErrorResume(e -> Connections.quietClose(handle.connection(), e).then(Mono.error(e)))
            .then(Mono.defer(() -> Mono.from(handle.connection().close())))
            .then(Mono.defer(() -> transactions.committed(handle)))
        : Mono.error(finished()));
  }

  /** Rolls back and returns the connection. */
  public Mono<Void> rollback() {
    return Mono.defer(() -> done.compareAndSet(false, true)
        ? handle.end(c -> Mono.from(c.rollbackTransaction()))
            .onErrorMap(e -> errors.translate(e, ROLLBACK))
            .onErrorResume(e -> Connections.quietClose(handle.connection(), e).then(Mono.error(e)))
            .then(Mono.defer(() -> Mono.from(handle.connection().close())))
        : Mono.error(finished()));
  }

  /** True until commit or rollback was called. */
  public boolean isActive() { return !done.get(); }

  private static SluiceException finished() {
    return new IllegalUseException("This transaction was already committed or rolled back");
  }
}
