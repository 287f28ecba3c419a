package dev.sluice.internal;

import dev.sluice.error.IllegalUseException;
import dev.sluice.error.TransactionNotJoinedException;
import dev.sluice.spi.ConnectionSource;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.util.context.ContextView;

/**
 * A transaction of another manager (Spring's) that Sluice statements join, found by a
 * {@link ConnectionSource} under the connection factory Sluice runs on or, when Sluice pooled the
 * factory it was given, under that one. The connection stays with its owner: Sluice neither ends
 * the transaction nor closes it, but the owner's end waits for the Sluice work in flight.
 *
 * <p>{@link #mayBeActive} is asked first, before every statement outside a Sluice transaction: a
 * Context lookup, so that without an outside transaction a statement costs what it did before.
 */
final class OutsideTransaction {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OutsideTransaction.class);

  private final ConnectionSource source;
  private final List<ConnectionFactory> keys;
  private final ForeignPolicy policy;
  private final AtomicBoolean warned = new AtomicBoolean();

  OutsideTransaction(ConnectionSource source, ConnectionFactory runsOn, ConnectionFactory given) {
    this(source, runsOn, given, ForeignPolicy.FAIL);
  }

  OutsideTransaction(ConnectionSource source, ConnectionFactory runsOn, ConnectionFactory given,
      ForeignPolicy policy) {
    this.source = source == null ? ConnectionSource.NONE : source;
    this.policy = policy == null ? ForeignPolicy.FAIL : policy;
    List<ConnectionFactory> k = new ArrayList<>(2);
    if (runsOn != null) {
      k.add(runsOn);
    }
    if (given != null && given != runsOn) {
      k.add(given);
    }
    this.keys = List.copyOf(k);
  }

  /** False when the subscriber's Context cannot hold an outside transaction (the cheap test). */
  boolean mayBeActive(ContextView context) {
    return !keys.isEmpty() && source.mayHaveTransaction(context);
  }

  /**
   * Runs a statement in the outside transaction, or {@code otherwise} when none is in progress. The
   * transaction cannot end while the statement runs ({@link ConnectionSource.Joined}); a cancelled
   * {@code write} is drained before it lets go, so that it cannot reach the driver after the
   * owner's ROLLBACK. A transaction of the manager on another connection factory is handled by the
   * {@link ForeignPolicy} (the public {@code ForeignTransactionPolicy}): by default the work fails
   * rather than run outside it.
   */
  <T> Flux<T> run(Function<Connection, Publisher<T>> statement, boolean writes, Supplier<Flux<T>> otherwise) {
    return runJoined((connection, done) -> {
      Flux<T> ran = Flux.from(statement.apply(connection)).doFinally(signal -> done.run());
      return writes ? DrainOnCancel.of(ran) : ran;
    }, otherwise);
  }

  /**
   * Runs {@code work} in the outside transaction, or {@code otherwise} when none is in progress.
   * {@code work} gets the connection and a callback to run once nothing it sent is pending any
   * more; it runs by itself when {@code work} completes or fails. On a cancel it is {@code work}'s
   * to run, after its own clean-up (a nested transaction's ROLLBACK TO SAVEPOINT).
   */
  <T> Flux<T> runJoined(BiFunction<Connection, Runnable, Publisher<T>> work, Supplier<Flux<T>> otherwise) {
    return find().map(Optional::of).defaultIfEmpty(Optional.empty())
        .flatMapMany(found -> found.isEmpty() ? notJoined(otherwise) : inside(found.get(), work));
  }

  private static <T> Flux<T> inside(ConnectionSource.Joined joined,
      BiFunction<Connection, Runnable, Publisher<T>> work) {
    return Flux.defer(() -> {
      if (!joined.enter()) {
        return Flux.error(new IllegalUseException("The transaction of another manager (Spring's) is "
            + "already ending or has ended (committed, rolled back or cancelled); the statement was not run"));
      }
      AtomicBoolean left = new AtomicBoolean();
      Runnable leave = () -> {
        if (left.compareAndSet(false, true)) {
          joined.leave();
        }
      };
      AtomicBoolean started = new AtomicBoolean();
      return joined.connection()
          .flatMapMany(c -> {
            started.set(true);
            return work.apply(c, leave);
          })
          .doFinally(signal -> {
            if (signal != SignalType.CANCEL || !started.get()) {
              leave.run();
            }
          });
    });
  }

  private <T> Flux<T> notJoined(Supplier<Flux<T>> otherwise) {
    if (policy == ForeignPolicy.IGNORE) {
      return otherwise.get();
    }
    return source.transactionActive().flatMapMany(active -> {
      if (!active) {
        return otherwise.get();
      }
      String why = "A transaction of another manager (Spring's) is active in this Reactor Context, but "
          + "not on this Database's connection factory, so Sluice cannot join it: the statement would "
          + "run outside it, in auto-commit, and survive its rollback. Build the Database on the "
          + "ConnectionFactory the transaction manager uses (Database.builder().connectionFactory(pool)), "
          + "or choose DatabaseBuilder.foreignTransactions(ForeignTransactionPolicy.IGNORE) if the two "
          + "are meant to be independent";
      if (policy == ForeignPolicy.FAIL) {
        return Flux.error(new TransactionNotJoinedException(why + "; the statement was not run"));
      }
      if (warned.compareAndSet(false, true)) {
        LOG.warn("{}; running it outside the transaction (ForeignTransactionPolicy.WARN, logged once)", why);
      }
      return otherwise.get();
    });
  }

  private Mono<ConnectionSource.Joined> find() {
    return Flux.fromIterable(keys).concatMap(source::join).next();
  }
}
