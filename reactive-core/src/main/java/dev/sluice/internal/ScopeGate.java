package dev.sluice.internal;

import java.util.ArrayDeque;
import java.util.Iterator;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The turnstile of one transaction scope's connection: a nested transaction (a savepoint) holds it
 * alone, for its whole life; writes of the scope itself hold it together. Waiters are served in the
 * order they arrived, so nested transactions run one at a time in subscription order, and a write
 * of the enclosing body waits while a savepoint is open (a rollback to that savepoint would undo it).
 *
 * <p>Reads do not pass through it: a rollback does not undo a read, and a read streaming in the
 * enclosing body while nested bodies run for its rows must not wait for them.
 */
final class ScopeGate {
  private final Object lock = new Object();
  private final ArrayDeque<Ticket> waiting = new ArrayDeque<>();
  private int sharedHolders;
  private boolean exclusiveHeld;

  /** A place in the queue: exclusive for a nested transaction, shared for a write. */
  Ticket enter(boolean exclusive) {
    Ticket t = new Ticket(exclusive);
    synchronized (lock) {
      waiting.add(t);
    }
    grant();
    return t;
  }

  /** Grants the head of the queue, and the shared tickets after it, as far as the holders allow. */
  private void grant() {
    ArrayDeque<Ticket> granted = new ArrayDeque<>();
    synchronized (lock) {
      Iterator<Ticket> it = waiting.iterator();
      while (it.hasNext() && !exclusiveHeld) {
        Ticket t = it.next();
        if (t.exclusive) {
          if (sharedHolders > 0) {
            break;
          }
          exclusiveHeld = true;
        } else {
          sharedHolders++;
        }
        it.remove();
        t.state = Ticket.GRANTED;
        granted.add(t);
      }
    }
    for (Ticket t : granted) {
      t.granted.tryEmitEmpty();
    }
  }

  /** A waiter; {@link #close()} leaves the queue or gives the gate back, whichever applies, once. */
  final class Ticket {
    static final int WAITING = 0;
    static final int GRANTED = 1;
    static final int CLOSED = 2;

    private final boolean exclusive;
    private final Sinks.Empty<Void> granted = Sinks.empty();
    private int state = WAITING;
    private boolean started;

    private Ticket(boolean exclusive) {
      this.exclusive = exclusive;
    }

    /** Completes when the ticket holds the gate. */
    Mono<Void> granted() {
      return granted.asMono();
    }

    /** Marks the work behind the ticket as started; false if the ticket was closed already. */
    boolean start() {
      synchronized (lock) {
        if (state == CLOSED) {
          return false;
        }
        started = true;
        return true;
      }
    }

    /** Closes the ticket unless its work started (which then closes it when it finishes). */
    void closeIfNotStarted() {
      synchronized (lock) {
        if (started) {
          return;
        }
        closeLocked();
      }
      grant();
    }

    /** Leaves the queue, or releases the gate; idempotent. */
    void close() {
      synchronized (lock) {
        closeLocked();
      }
      grant();
    }

    private void closeLocked() {
        if (state == WAITING) {
          waiting.remove(this);
        } else if (state == GRANTED) {
          if (exclusive) {
            exclusiveHeld = false;
          } else {
            sharedHolders--;
          }
        }
        state = CLOSED;
    }
  }
}
