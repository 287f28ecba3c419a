package dev.sluice.internal;

import dev.sluice.SluiceException;
import io.r2dbc.spi.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The connection of the transaction in progress, carried in the Reactor {@code Context} under its
 * {@link Executor} as key. Savepoint names are numbered per transaction.
 *
 * <p>It also orders the end of the transaction after its statements. A cancelled body can race
 * with its own next statement: the statement may reach the driver after the ROLLBACK and then run,
 * outside the transaction, in auto-commit (a row committed by a cancelled transaction). So every
 * statement takes a permit; {@link #end} first refuses new permits, then waits until the statements
 * in flight have finished or been cancelled, and only then commits or rolls back.
 */
final class TxHandle {
  private final Connection connection;
  private final AtomicInteger savepoints = new AtomicInteger();
  private final Object lock = new Object();
  private int inFlight;
  private boolean ended;
  private Sinks.Empty<Void> drained;

  TxHandle(Connection connection) {
    this.connection = connection;
  }

  Connection connection() { return connection; }

  String nextSavepointName() { return "sluice_sp_" + savepoints.incrementAndGet(); }

  /**
   * Runs a statement on the transaction's connection; refused once the transaction is ending. A
   * cancelled write is drained rather than cancelled (a driver may still send it, and it must land
   * before the ROLLBACK); a cancelled read is cancelled.
   */
  <T> Flux<T> use(Function<Connection, Publisher<T>> statement, boolean writes) {
    return Flux.defer(() -> {
      synchronized (lock) {
        if (ended) {
          return Flux.error(new SluiceException("The transaction has already ended (committed, "
              + "rolled back or cancelled); the statement was not run"));
        }
        inFlight++;
      }
      Publisher<T> work;
      try {
        work = statement.apply(connection);
      } catch (RuntimeException e) {
        release();
        return Flux.error(e);
      }
      return writes ? drainedOnCancel(work) : Flux.from(work).doFinally(signal -> release());
    });
  }

  /**
   * The statement's results; a cancel from downstream does not cancel the driver's publisher but
   * drains it, so the permit is released only once the driver has really finished the statement (a
   * driver may send a cancelled statement later, and it must not land after the ROLLBACK).
   */
  private <T> Flux<T> drainedOnCancel(Publisher<T> work) {
    // publish() paces the source by its slowest subscriber: the caller. The second subscriber only
    // keeps the statement running to its end if the caller cancels; then the permit is released.
    Flux<T> shared = Flux.from(work).doFinally(signal -> release()).publish().autoConnect(2);
    shared.subscribe(value -> { }, error -> { });
    return shared;
  }

  /** Ends the transaction with {@code finish} once no statement is in flight; refuses later ones. */
  Mono<Void> end(Function<Connection, Mono<Void>> finish) {
    return Mono.defer(() -> {
      Mono<Void> quiet;
      synchronized (lock) {
        ended = true;
        if (inFlight == 0) {
          quiet = Mono.empty();
        } else {
          if (drained == null) {
            drained = Sinks.empty();
          }
          quiet = drained.asMono();
        }
      }
      return quiet.then(Mono.defer(() -> finish.apply(connection)));
    });
  }

  private void release() {
    Sinks.Empty<Void> done = null;
    synchronized (lock) {
      inFlight--;
      if (ended && inFlight == 0) {
        done = drained;
      }
    }
    if (done != null) {
      done.tryEmitEmpty();
    }
  }
}
