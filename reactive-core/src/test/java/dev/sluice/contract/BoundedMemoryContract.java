package dev.sluice.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.schema.Table;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

/**
 * Inserts 1M rows from a stream and reads them back, in a JVM capped at {@code -Xmx64m} (a failsafe
 * execution of its own: name subclasses *BoundedMemoryIT). The rows hold ~110 MB of payload, so
 * buffering either way would not fit.
 */
public abstract class BoundedMemoryContract extends ContractBase {
  private static final int MILLION = 1_000_000;

  @Override protected Table<?>[] extraTables() { return new Table<?>[] {StreamingContract.READINGS}; }

  @Test
  void streamsAMillionRowsWithBoundedMemory() {
    long maxHeap = Runtime.getRuntime().maxMemory();
    assertThat(maxHeap).as("run with -Xmx64m").isLessThan(100L * 1024 * 1024);
    StreamingContract.fill(db, MILLION);
    AtomicLong count = new AtomicLong();
    AtomicLong peak = new AtomicLong();
    var memory = ManagementFactory.getMemoryMXBean();
    Long last = db.selectFrom(StreamingContract.READINGS).orderBy(StreamingContract.READINGS.id).fetch()
        .publishOn(Schedulers.boundedElastic(), 256)
        .doOnNext(r -> {
          long n = count.incrementAndGet();
          if (n % 50_000 == 0) {
            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            sleepQuietly(); // a slow consumer: the producer must wait, not buffer
          }
        })
        .map(StreamingContract.Reading::id)
        .reduce(Long::max).block(Duration.ofMinutes(5));
    assertThat(count.get()).isEqualTo(MILLION);
    assertThat(last).isEqualTo(MILLION);
    System.out.printf("%s: streamed %d rows; peak heap used %.1f MiB of %.1f MiB max%n",
        target().name(), count.get(),
        peak.get() / 1048576.0, maxHeap / 1048576.0);
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
