package dev.sluice.r2dbc.sqlite;

import reactor.core.publisher.Operators;
import reactor.core.scheduler.Scheduler;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A queue of work items of one connection, run one at a time and in submission order on a {@link Scheduler}.
 * A JDBC connection of SQLite is not thread-safe; this is what serialises its use. The drain loop may run on a
 * different scheduler thread each time, but never on two at once, and each task happens-before the next.
 */
final class SerialExecutor {

    private final Scheduler scheduler;
    private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger wip = new AtomicInteger();

    SerialExecutor(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    void execute(Runnable task) {
        queue.offer(task);
        if (wip.getAndIncrement() == 0) {
            try {
                scheduler.schedule(this::drain);
            } catch (RuntimeException rejected) {
                // Scheduler disposed: run here rather than lose the work (and leave subscribers hanging).
                drain();
            }
        }
    }

    private void drain() {
        do {
            Runnable task = queue.poll();
            try {
                task.run();
            } catch (Throwable t) {
                Operators.onErrorDropped(t, reactor.util.context.Context.empty());
            }
        } while (wip.decrementAndGet() != 0);
    }
}
