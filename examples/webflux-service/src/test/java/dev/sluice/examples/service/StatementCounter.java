package dev.sluice.examples.service;

import dev.sluice.observe.Finish;
import dev.sluice.observe.QueryObserver;
import dev.sluice.observe.StatementEvent;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the statements of the service's {@code Database} (a {@link QueryObserver} bean: the starter adds it). */
final class StatementCounter implements QueryObserver {
  private final AtomicInteger count = new AtomicInteger();

  @Override
  public Finish statement(StatementEvent event) {
    count.incrementAndGet();
    return Finish.NOTHING;
  }

  int reset() {
    return count.getAndSet(0);
  }

  int count() {
    return count.get();
  }
}
