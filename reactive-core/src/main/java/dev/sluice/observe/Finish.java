package dev.sluice.observe;

import java.time.Duration;

/**
 * How one statement or transaction ended, as heard by a {@link QueryObserver}; exactly one method is
 * called, once. {@code elapsed} runs from the subscription (waiting for a connection included) to
 * the end. For a statement, {@code rows} counts the rows delivered by a query, or the rows a write
 * changed; for a transaction, the statements it ran.
 */
public interface Finish {
  /** Hears nothing. */
  Finish NOTHING = new Finish() {
    @Override public void succeeded(long rows, Duration elapsed) { }

    @Override public void failed(Throwable error, Duration elapsed) { }

    @Override public void cancelled(long rows, Duration elapsed) { }
  };

  /** Completed (a transaction: committed). */
  void succeeded(long rows, Duration elapsed);

  /** Failed with {@code error}, Sluice's typed exception (a transaction: rolled back). */
  void failed(Throwable error, Duration elapsed);

  /** The subscriber cancelled after {@code rows} (a transaction: rolled back). */
  void cancelled(long rows, Duration elapsed);
}
