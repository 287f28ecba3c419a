package dev.sluice.r2dbc.sqlite;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A queue of work items of one connection, run one at a time and in submission order on a {@link Scheduler}.
 * A JDBC connection of SQLite is not thread-safe; this is what serialises its use. The drain loop may run on a
 * different scheduler thread each time, but never on two at once, and each task happens-before the next.
 *
 * <p>Each task comes with what to do when it cannot run or fails unexpectedly ({@code failed}): its subscriber
 * must hear of it. Work is never run on a caller's thread that must not block (a Reactor non-blocking thread):
 * when the scheduler rejects the drain (disposed, or saturated), every queued task fails with a
 * {@link R2dbcNonTransientResourceException} saying so. With {@code callerRuns}, a caller whose thread may block
 * and that finds the queue idle drains it itself, saving the hop; the one-at-a-time order is the same. An {@link Error} thrown by a task (an
 * {@code OutOfMemoryError}, a {@code StackOverflowError}) is given to the task's subscriber as it is and then
 * rethrown on the thread that ran it (the scheduler's, which reports it, or the caller's); the tasks queued after
 * it still run.
 */
final class SerialExecutor {

    private final Scheduler scheduler;
    private final boolean callerRuns;
    private final Queue<Task> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger wip = new AtomicInteger();
    /** The thread running the drain loop, or null between drains. */
    private volatile Thread drainer;

    SerialExecutor(Scheduler scheduler) {
        this(scheduler, false);
    }

    SerialExecutor(Scheduler scheduler, boolean callerRuns) {
        this.scheduler = scheduler;
        this.callerRuns = callerRuns;
    }

    /** Queues {@code work}; {@code failed} hears of a rejection by the scheduler or of anything it throws. */
    void execute(Runnable work, Consumer<Throwable> failed) {
        queue.offer(new Task(work, failed));
        if (wip.getAndIncrement() == 0) {
            if (callerRuns && !Schedulers.isInNonBlockingThread()) {
                drain();
            } else {
                schedule();
            }
        }
    }

    /** True when no work is queued or running. */
    boolean isIdle() {
        return wip.get() == 0;
    }

    /**
     * True when nothing is queued but, possibly, the task that the calling thread is running now (as when a
     * subscriber, called from within a task, gives the connection back): no other work of the connection can be
     * pending or running.
     */
    boolean isIdleButForCaller() {
        int pending = wip.get();
        return pending == 0 || pending == 1 && drainer == Thread.currentThread();
    }

    /** Starts a drain on the scheduler; this thread holds the drain right (wip above 0 and no drain running). */
    private void schedule() {
        try {
            scheduler.schedule(this::drain);
        } catch (RuntimeException rejected) {
            rejectAll(rejected);
        }
    }

    private void drain() {
        drainer = Thread.currentThread();
        do {
            Task task = queue.poll();
            try {
                task.work.run();
            } catch (RuntimeException e) {
                fail(task, e);
            } catch (Error e) {
                fail(task, e);
                drainer = null;
                if (wip.decrementAndGet() != 0) {
                    schedule();
                }
                throw e;
            }
        } while (!finishedDrain());
    }

    /**
     * Ends one task; true when it was the last one queued. The drainer is cleared before the last decrement, as a
     * new drain may start on another thread right after it (only this thread decrements, so with more than one
     * task counted the decrement cannot reach zero).
     */
    private boolean finishedDrain() {
        if (wip.get() == 1) {
            drainer = null;
            if (wip.compareAndSet(1, 0)) {
                return true;
            }
            drainer = Thread.currentThread(); // a task came in meanwhile
        }
        wip.decrementAndGet();
        return false;
    }

    /** Fails every queued task, as no drain can start; the scheduler rejected {@code rejected}'s drain. */
    private void rejectAll(RuntimeException rejected) {
        do {
            Task task = queue.poll();
            fail(task, new R2dbcNonTransientResourceException("The SQLite connection's scheduler rejected its work "
                + "(disposed or saturated); the work was not run, and is not run on the caller's thread: "
                + rejected, rejected));
        } while (wip.decrementAndGet() != 0);
    }

    private static void fail(Task task, Throwable error) {
        try {
            task.failed.accept(error);
        } catch (RuntimeException e) {
            e.addSuppressed(error);
            Operators.onErrorDropped(e, reactor.util.context.Context.empty());
        }
    }

    private static final class Task {
        final Runnable work;
        final Consumer<Throwable> failed;

        Task(Runnable work, Consumer<Throwable> failed) {
            this.work = work;
            this.failed = failed;
        }
    }
}
