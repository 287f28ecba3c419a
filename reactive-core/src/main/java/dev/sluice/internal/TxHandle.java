package dev.sluice.internal;

import dev.sluice.error.IllegalUseException;
import io.r2dbc.spi.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One scope of the transaction in progress: the transaction itself, or a savepoint nested in it.
 * It is carried in the Reactor {@code Context} under its database's {@link Connections} as key; every scope of a
 * transaction shares its connection and its savepoint numbering.
 *
 * <p>Nested scopes of one scope, and the writes of that scope, pass its {@link ScopeGate}: nested
 * transactions run one at a time, in subscription order, and a write waits while a nested
 * transaction is open. Running them concurrently on one connection would let the rollback of one
 * savepoint undo the work of a sibling that had already reported success.
 *
 * <p>A scope also orders its own end after its statements. A cancelled body can race with its own
 * next statement: the statement may reach the driver after the ROLLBACK and then run outside the
 * scope (for a transaction: in auto-commit, a row committed by a cancelled transaction). So every
 * statement takes a permit in its scope and every enclosing one; {@link #end} first refuses new
 * permits, then waits until the statements in flight have finished or been cancelled, and only then
 * commits, releases or rolls back.
 */
final class TxHandle {
  private final Connection connection;
  private final long id;
  private final AtomicLong statements;
  /** The tables written so far in the whole transaction (shared by its scopes), for the query cache. */
  private final TxWrites written;
  private final TxHandle parent;
  private final AtomicInteger savepoints;
  private final String name;
  private final ScopeGate.Ticket ticket;
  private final ScopeGate gate = new ScopeGate();
  private final Object lock = new Object();
  private int inFlight;
  private boolean ended;
  private Sinks.Empty<Void> drained;

  /** A transaction on {@code connection}; {@code id} names it to observers (0: none, e.g. a joined one). */
  TxHandle(Connection connection, long id) {
    this(connection, null, new AtomicInteger(), null, null, id, new AtomicLong(), new TxWrites());
  }

  private TxHandle(Connection connection, TxHandle parent, AtomicInteger savepoints, String name,
      ScopeGate.Ticket ticket, long id, AtomicLong statements, TxWrites written) {
    this.id = id;
    this.statements = statements;
    this.written = written;
    this.connection = connection;
    this.parent = parent;
    this.savepoints = savepoints;
    this.name = name;
    this.ticket = ticket;
  }

  Connection connection() { return connection; }

  /** The transaction's id for observers, shared by its savepoints; null for none. */
  Long id() { return id == 0 ? null : id; }

  /** Notes the tables a write of the transaction changed (null: it may have written anything). */
  void wrote(java.util.Set<String> tables) {
    written.add(tables);
  }

  /** The tables written in the transaction; null when a statement may have written anything. */
  java.util.Set<String> writtenTables() {
    return written.tables();
  }

  /** How many statements the transaction (all its scopes) has run so far. */
  long statements() { return statements.get(); }

  /**
   * Opens a nested scope once the gate lets it (no sibling open, the writes before it finished),
   * with {@code open} run first (the SAVEPOINT). The returned scope must be {@link #end}ed; its end
   * gives the gate back. Cancelled or failed before it is returned, it leaves the queue.
   */
  Mono<TxHandle> openNested(Function<String, Mono<Void>> open) {
    return Mono.defer(() -> {
      ScopeGate.Ticket ticket = gate.enter(true);
      String savepoint = "sluice_sp_" + savepoints.incrementAndGet();
      TxHandle child = new TxHandle(connection, this, savepoints, savepoint, ticket, id, statements, written);
      return ticket.granted().then(Mono.defer(() -> open.apply(savepoint)))
          .thenReturn(child)
          .doOnCancel(ticket::close)
          .doOnError(e -> ticket.close());
    });
  }

  /** The savepoint name of a nested scope. */
  String savepointName() { return name; }

  /**
   * Runs a statement on the transaction's connection; refused once the scope is ending. A write
   * first passes the gate. A cancelled write is drained rather than cancelled (a driver may still
   * send it, and it must land before the ROLLBACK); a cancelled read is cancelled.
   */
  <T> Flux<T> use(Function<Connection, Publisher<T>> statement, boolean writes) {
    if (!writes) {
      return Flux.defer(() -> start(statement, false, null));
    }
    return Flux.defer(() -> {
      ScopeGate.Ticket t = gate.enter(false);
      return t.granted().thenMany(Flux.defer(() -> start(statement, true, t)))
          .doOnCancel(() -> t.closeIfNotStarted());
    });
  }

  private <T> Flux<T> start(Function<Connection, Publisher<T>> statement, boolean writes,
      ScopeGate.Ticket ticket) {
    if (ticket != null && !ticket.start()) {
      return Flux.empty();
    }
    if (!acquire()) {
      closeTicket(ticket);
      return Flux.error(new IllegalUseException("The transaction has already ended (committed, "
          + "rolled back or cancelled); the statement was not run"));
    }
    statements.incrementAndGet();
    Publisher<T> work;
    try {
      work = statement.apply(connection);
    } catch (RuntimeException e) {
      release();
      closeTicket(ticket);
      return Flux.error(e);
    }
    Flux<T> done = Flux.from(work).doFinally(signal -> {
      release();
      closeTicket(ticket);
    });
    return writes ? DrainOnCancel.of(done) : done;
  }

  private static void closeTicket(ScopeGate.Ticket ticket) {
    if (ticket != null) {
      ticket.close();
    }
  }

  /** Takes a permit in this scope and every enclosing one; false if one of them is ending. */
  private boolean acquire() {
    for (TxHandle s = this; s != null; s = s.parent) {
      synchronized (s.lock) {
        if (s.ended) {
          for (TxHandle u = this; u != s; u = u.parent) {
            u.releaseOne();
          }
          return false;
        }
        s.inFlight++;
      }
    }
    return true;
  }

  private void release() {
    for (TxHandle s = this; s != null; s = s.parent) {
      s.releaseOne();
    }
  }

  /**
   * Ends the scope with {@code finish} once no statement is in flight in it; refuses later ones.
   * A nested scope then gives its parent's gate back, whatever the outcome.
   */
  Mono<Void> end(Function<Connection, Mono<Void>> finish) {
    Mono<Void> ending = Mono.defer(() -> {
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
      return quiet.then(Mono.defer(() -> finishWithin(finish)));
    });
    return ticket == null ? ending : ending.doFinally(signal -> ticket.close());
  }

  /**
   * A nested scope's end (RELEASE or ROLLBACK TO SAVEPOINT) holds a permit in the enclosing scopes,
   * so that their end waits for it. When an enclosing scope is already ending (rolling back on a
   * cancel or an error), its end covers this one and nothing is sent: a ROLLBACK TO SAVEPOINT that
   * reached the driver after the ROLLBACK would land outside the transaction, or in the next one on
   * that connection.
   */
  private Mono<Void> finishWithin(Function<Connection, Mono<Void>> finish) {
    if (parent == null) {
      return finish.apply(connection);
    }
    if (!parent.acquire()) {
      return Mono.empty();
    }
    return Mono.defer(() -> finish.apply(connection)).doFinally(signal -> parent.release());
  }

  private void releaseOne() {
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
