package dev.sluice.internal;

import reactor.core.publisher.Flux;

/**
 * A write whose cancel does not cancel the driver's publisher but drains it: whatever ends the
 * statement's transaction (Sluice's rollback or another manager's) then waits until the driver has
 * really finished the statement. A driver may still send a cancelled statement, and it must not
 * land after the ROLLBACK, where it would run in auto-commit.
 */
final class DrainOnCancel {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DrainOnCancel.class);

  private DrainOnCancel() { }

  static <T> Flux<T> of(Flux<T> work) {
    // publish() paces the source by its slowest subscriber: the caller. The second subscriber only
    // keeps the statement running to its end if the caller cancels.
    Flux<T> shared = work.publish().autoConnect(2);
    // The caller's subscriber gets the error; this one only keeps the statement going after a
    // cancel, when nobody else hears of a failure: it is logged, never swallowed.
    shared.subscribe(value -> { }, error -> LOG.debug("A statement of a transaction failed after its "
        + "subscriber had gone (the transaction ends with a rollback or reports it): {}", error.toString()));
    return shared;
  }
}
