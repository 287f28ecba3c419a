package dev.sluice.r2dbc.sqlite;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connection pool of a {@link SqliteConnectionFactory} with a pool size: at most {@code size} connections,
 * borrowed as {@link PooledSqliteConnection}s. Borrowing an idle connection is a poll of a queue on the caller's
 * thread: no scheduling, no validation query (a SQLite connection is in-process; one closed meanwhile is noticed
 * and replaced). Opening a connection runs on the factory's scheduler, never on the caller's thread. Borrowers
 * that find every connection taken wait in order; a cancelled wait gives up its place. Nothing here blocks.
 *
 * <p>A connection given back whose queue holds no other work (but, possibly, the task that gives it back, as when
 * the subscriber of a caller-runs query closes it) and that holds no transaction, open result or statement timeout
 * goes back at once; otherwise it is reset on its own queue first (after the work queued before it), and closed if
 * the reset fails.
 */
final class SqlitePool {

    private final int size;
    private final Callable<SqliteConnection> opener;
    private final reactor.core.scheduler.Scheduler scheduler;
    private final Queue<SqliteConnection> idle = new ConcurrentLinkedQueue<>();
    private final Queue<Waiter> waiters = new ConcurrentLinkedQueue<>();
    /** Connections open or being opened. */
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger wip = new AtomicInteger();
    private volatile boolean closed;

    SqlitePool(int size, Callable<SqliteConnection> opener, reactor.core.scheduler.Scheduler scheduler) {
        this.size = size;
        this.opener = opener;
        this.scheduler = scheduler;
    }

    /** Borrows a connection: an idle one at once, a new one if fewer than the size are open, else the next one back. */
    Mono<PooledSqliteConnection> borrow() {
        return Mono.create(sink -> {
            if (closed) {
                sink.error(poolClosed());
                return;
            }
            if (waiters.isEmpty()) {
                SqliteConnection connection;
                while ((connection = idle.poll()) != null) {
                    if (!connection.isClosed()) {
                        sink.success(new PooledSqliteConnection(connection, this));
                        return;
                    }
                    open.decrementAndGet();
                }
            }
            Waiter waiter = new Waiter(sink);
            sink.onCancel(waiter::cancel);
            waiters.offer(waiter);
            drain();
        });
    }

    /** A borrowed connection comes back (its lease is closed). */
    void giveBack(SqliteConnection connection) {
        if (connection.isClosed()) {
            open.decrementAndGet();
            drain();
            return;
        }
        if (closed) {
            discard(connection);
            return;
        }
        if (connection.executor().isIdleButForCaller() && connection.isReusableAsIs()) {
            idle.offer(connection);
            drain();
            return;
        }
        connection.run(() -> {
            connection.resetForReuse();
            return Boolean.TRUE;
        }).onErrorReturn(Boolean.FALSE).subscribe(reset -> {
            if (reset && !closed && !connection.isClosed()) {
                idle.offer(connection);
                drain();
            } else {
                discard(connection);
            }
        });
    }

    /** Closes a connection that cannot be reused; its place may be taken by a new one. */
    private void discard(SqliteConnection connection) {
        Mono.from(connection.close()).onErrorResume(e -> Mono.empty()).subscribe(null, null, () -> {
            open.decrementAndGet();
            drain();
        });
    }

    /**
     * Hands idle connections to waiters in order, and opens connections for waiters while fewer than the size are
     * open. One thread at a time; a call that finds it running makes it loop once more.
     */
    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        do {
            if (closed) {
                failWaiters();
                closeIdle();
            } else {
                serveWaiters();
            }
        } while (wip.decrementAndGet() != 0);
    }

    private void serveWaiters() {
        Waiter waiter;
        while ((waiter = waiters.peek()) != null) {
            if (waiter.isDone()) {
                waiters.poll();
                continue;
            }
            SqliteConnection connection = idle.poll();
            if (connection != null) {
                if (connection.isClosed()) {
                    open.decrementAndGet();
                    continue;
                }
                waiters.poll();
                if (!waiter.take(connection, this)) {
                    idle.offer(connection); // cancelled meanwhile
                }
                continue;
            }
            int current = open.get();
            if (current >= size) {
                return;
            }
            if (open.compareAndSet(current, current + 1)) {
                waiters.poll();
                openFor(waiter);
            }
        }
    }

    /**
     * Opens one connection on the scheduler for {@code waiter}; if it gave up meanwhile, the connection goes to
     * the idle queue for the next borrower.
     */
    private void openFor(Waiter waiter) {
        Mono.fromCallable(opener).subscribeOn(scheduler).subscribe(connection -> {
            if (closed) {
                waiter.fail(poolClosed());
                discard(connection);
            } else if (!waiter.take(connection, this)) {
                idle.offer(connection);
                drain();
            }
        }, error -> {
            open.decrementAndGet();
            waiter.fail(ExceptionMapper.map(error));
            drain();
        });
    }

    private void failWaiters() {
        Waiter waiter;
        while ((waiter = waiters.poll()) != null) {
            waiter.fail(poolClosed());
        }
    }

    private void closeIdle() {
        List<SqliteConnection> all = new ArrayList<>();
        SqliteConnection connection;
        while ((connection = idle.poll()) != null) {
            all.add(connection);
        }
        for (SqliteConnection c : all) {
            Mono.from(c.close()).onErrorResume(e -> Mono.empty()).subscribe(null, null,
                open::decrementAndGet);
        }
    }

    /** Closes the idle connections and fails the waiters; connections borrowed now are closed when given back. */
    Mono<Void> close() {
        return Mono.fromRunnable(() -> {
            closed = true;
            drain();
        });
    }

    /** Connections open or being opened (for tests). */
    int openCount() {
        return open.get();
    }

    /** Idle connections (for tests). */
    int idleCount() {
        return idle.size();
    }

    private static R2dbcNonTransientResourceException poolClosed() {
        return new R2dbcNonTransientResourceException("The SQLite connection pool is closed");
    }

    /** A borrower waiting for a connection. */
    private static final class Waiter {
        private final MonoSink<PooledSqliteConnection> sink;
        private final AtomicBoolean done = new AtomicBoolean();

        Waiter(MonoSink<PooledSqliteConnection> sink) {
            this.sink = sink;
        }

        void cancel() {
            done.set(true);
        }

        boolean isDone() {
            return done.get();
        }

        boolean take(SqliteConnection connection, SqlitePool pool) {
            if (!done.compareAndSet(false, true)) {
                return false;
            }
            sink.success(new PooledSqliteConnection(connection, pool));
            return true;
        }

        void fail(Throwable error) {
            if (done.compareAndSet(false, true)) {
                sink.error(error);
            }
        }
    }
}
