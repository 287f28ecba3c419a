package dev.sluice;

import dev.sluice.error.SluiceException;
import dev.sluice.internal.Executor;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A transaction whose end the caller decides, for the rare flow that {@link
 * Database#inTransaction(java.util.function.Function)} cannot express. It holds a pooled
 * connection until {@link #commit()} or {@link #rollback()} completes: always end it, on every
 * path (prefer {@code inTransaction}, which cannot leak).
 *
 * <pre>{@code
 * db.beginTransaction().flatMap(tx ->
 *     tx.run(db.insertInto(USERS).values(u).execute())          // joins tx through the Context
 *         .flatMap(n -> tx.commit().thenReturn(n))
 *         .onErrorResume(e -> tx.rollback().then(Mono.error(e))));
 * }</pre>
 *
 * <p>Any query of the database subscribed through {@link #run(Publisher)} joins the transaction; a
 * nested {@code db.inTransaction(...)} inside {@code run} becomes a savepoint. After the end,
 * {@code run}, {@code commit} and {@code rollback} fail with a {@link SluiceException}.
 */
public final class Transaction {
  private final dev.sluice.internal.ManualTransaction handle;

  Transaction(dev.sluice.internal.ManualTransaction handle) {
    this.handle = handle;
  }

  /** Runs {@code work} inside this transaction: its queries use the transaction's connection. */
  public <T> Flux<T> run(Publisher<T> work) { return handle.run(work); }

  /** {@link #run(Publisher)} for one value. */
  public <T> Mono<T> run(Mono<T> work) { return handle.run(work); }

  /**
   * Commits and returns the connection to the pool. If the commit fails, the transaction is rolled
   * back and the (typed) failure signalled.
   */
  public Mono<Void> commit() { return handle.commit(); }

  /** Rolls back and returns the connection to the pool. */
  public Mono<Void> rollback() { return handle.rollback(); }

  /** True until {@link #commit()} or {@link #rollback()} was subscribed to. */
  public boolean isActive() { return handle.isActive(); }
}
