package dev.sluice.observe;

/**
 * Hears every statement and every transaction of a {@code Database}: {@link #statement} is called
 * when a statement is subscribed to, before anything is sent, and the {@link Finish} it returns
 * hears how it ended. Observers are chained in the order given to
 * {@code DatabaseBuilder.observer(...)}; one that throws is logged and skipped, never breaking the
 * statement. They run on the thread that signals, often a driver's event loop: they must not block.
 *
 * <pre>{@code
 * Database db = Database.builder().url(url)
 *     .observer(SqlLogger.builder().slowerThan(Duration.ofMillis(200)).build())
 *     .observer(event -> {
 *       metrics.count(event.operation(), event.table());
 *       return Finish.NOTHING;
 *     })
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface QueryObserver {
  /** A statement is about to run; returns what hears its end ({@link Finish#NOTHING} if nothing). */
  Finish statement(StatementEvent event);

  /** A top-level Sluice transaction begins; returns what hears its end (committed, failed, cancelled). */
  default Finish transaction(TransactionEvent event) {
    return Finish.NOTHING;
  }
}
