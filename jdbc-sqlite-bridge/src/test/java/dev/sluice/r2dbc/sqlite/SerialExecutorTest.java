package dev.sluice.r2dbc.sqlite;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The connection's work queue never runs JDBC work on the caller's thread, and never swallows an {@link Error}.
 */
class SerialExecutorTest {

    @TempDir
    Path dir;

    @Test
    void aRejectingSchedulerFailsTheWorkInsteadOfRunningItOnTheCaller() {
        Scheduler scheduler = Schedulers.newSingle("sqlite-test");
        scheduler.dispose();
        SerialExecutor executor = new SerialExecutor(scheduler);
        AtomicBoolean ran = new AtomicBoolean();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        executor.execute(() -> ran.set(true), failures::add);
        executor.execute(() -> ran.set(true), failures::add);

        assertThat(ran).as("work run on the caller's thread").isFalse();
        assertThat(failures).hasSize(2).allSatisfy(e -> assertThat(e)
            .isInstanceOf(R2dbcNonTransientResourceException.class)
            .hasMessageContaining("scheduler rejected its work")
            .hasMessageContaining("not run on the caller's thread"));
    }

    @Test
    void aConnectionWhoseSchedulerIsDisposedFailsItsStatementsAndItsClose() {
        Scheduler scheduler = Schedulers.newBoundedElastic(2, 100, "sqlite-test");
        SqliteConnectionFactory factory = new SqliteConnectionFactory(SqliteConnectionConfiguration.builder()
            .database(dir.resolve("rejected.db").toString()).scheduler(scheduler).build());
        Connection connection = Sql.connect(factory);
        assertThat(Sql.single(connection, "SELECT 1", Integer.class)).isEqualTo(1);
        SerialExecutor queue = ((SqliteConnection) connection).executor();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!queue.isIdle() && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // the cursor's clean-up may still run on the scheduler; later work must start anew
        }
        assertThat(queue.isIdle()).isTrue();
        scheduler.dispose();

        String caller = Thread.currentThread().getName();
        assertThatThrownBy(() -> Sql.query(connection, "SELECT 1", Integer.class))
            .isInstanceOf(R2dbcNonTransientResourceException.class)
            .hasMessageContaining("scheduler rejected its work");
        assertThatThrownBy(() -> Mono.from(connection.close()).block(Sql.TIMEOUT))
            .isInstanceOf(R2dbcNonTransientResourceException.class)
            .hasMessageContaining("scheduler rejected its work");
        assertThat(((SqliteConnection) connection).isClosed()).as("close ran on " + caller).isFalse();
    }

    @Test
    void anErrorReachesTheSubscriberAndTheSchedulerThreadAndTheQueueGoesOn() throws InterruptedException {
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        ExecutorService threads = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sqlite-error-test");
            t.setUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
            return t;
        });
        try {
            SerialExecutor executor = new SerialExecutor(Schedulers.fromExecutorService(threads));
            StackOverflowError fatal = new StackOverflowError("too deep");
            AtomicReference<Throwable> failed = new AtomicReference<>();
            CountDownLatch next = new CountDownLatch(1);
            executor.execute(() -> {
                throw fatal;
            }, failed::set);
            executor.execute(next::countDown, e -> { });

            assertThat(next.await(10, TimeUnit.SECONDS)).as("the task queued after the error ran").isTrue();
            assertThat(failed.get()).as("the subscriber gets the error itself, not wrapped").isSameAs(fatal);
            assertThat(uncaught).as("rethrown on the scheduler's thread").contains(fatal);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anOutOfMemoryErrorOfConnectionWorkIsNotMappedToADatabaseError() {
        SqliteConnectionFactory factory = new SqliteConnectionFactory(SqliteConnectionConfiguration.builder()
            .database(dir.resolve("fatal.db").toString()).build());
        SqliteConnection connection = (SqliteConnection) Sql.connect(factory);
        try {
            OutOfMemoryError fatal = new OutOfMemoryError("test: no memory");
            assertThatThrownBy(() -> connection.run(() -> {
                throw fatal;
            }).block(Sql.TIMEOUT)).isSameAs(fatal);
            assertThat(Sql.single(connection, "SELECT 2", Integer.class)).as("the connection still works").isEqualTo(2);
        } finally {
            Sql.close(connection);
        }
    }

    @Test
    void withCallerRunsAThreadThatMayBlockRunsTheWorkItselfAndAnEventLoopStillHops() {
        List<String> scheduled = new CopyOnWriteArrayList<>();
        Scheduler counting = Schedulers.fromExecutor(r -> {
            scheduled.add("hop");
            Schedulers.boundedElastic().schedule(r);
        });
        SerialExecutor executor = new SerialExecutor(counting, true);
        AtomicReference<String> ranOn = new AtomicReference<>();
        executor.execute(() -> ranOn.set(Thread.currentThread().getName()), e -> { });
        assertThat(ranOn.get()).as("run at once on the caller").isEqualTo(Thread.currentThread().getName());
        assertThat(scheduled).isEmpty();

        String fromParallel = Mono.fromCallable(() -> {
            CountDownLatch done = new CountDownLatch(1);
            AtomicReference<String> on = new AtomicReference<>();
            executor.execute(() -> {
                on.set(Thread.currentThread().getName());
                done.countDown();
            }, e -> { });
            return done.await(10, TimeUnit.SECONDS) ? on.get() : "timeout";
        }).subscribeOn(Schedulers.parallel()).block(Sql.TIMEOUT);
        assertThat(fromParallel).as("run by the scheduler, not the parallel (non-blocking) thread")
            .startsWith("boundedElastic");
        assertThat(scheduled).hasSize(1);
    }

    @Test
    void withCallerRunsAConnectionAnswersOnTheCallersThread() {
        List<String> hops = new CopyOnWriteArrayList<>();
        Scheduler counting = Schedulers.fromExecutor(r -> {
            hops.add("hop");
            Schedulers.boundedElastic().schedule(r);
        });
        SqliteConnectionFactory factory = new SqliteConnectionFactory(SqliteConnectionConfiguration.builder()
            .database(dir.resolve("caller.db").toString()).scheduler(counting).callerRuns(true).build());
        Connection connection = Sql.connect(factory);
        try {
            int before = hops.size();
            assertThat(Sql.single(connection, "SELECT 41 + 1", Integer.class)).isEqualTo(42);
            assertThat(hops).as("no hop for a query from a thread that may block").hasSize(before);
        } finally {
            Sql.close(connection);
        }
    }

    @Test
    void isIdleButForCallerOnlyOnTheThreadRunningTheOnlyTask() throws Exception {
        SerialExecutor executor = new SerialExecutor(Schedulers.boundedElastic(), true);
        assertThat(executor.isIdleButForCaller()).isTrue();
        List<Boolean> seen = new CopyOnWriteArrayList<>();
        executor.execute(() -> {
            seen.add(executor.isIdleButForCaller()); // the drainer, nothing else queued
            seen.add(Mono.fromCallable(executor::isIdleButForCaller)
                .subscribeOn(Schedulers.boundedElastic()).block(Sql.TIMEOUT)); // another thread, a task running
            executor.execute(() -> { }, e -> { });
            seen.add(executor.isIdleButForCaller()); // the drainer, another task queued
        }, e -> { });
        assertThat(seen).containsExactly(true, false, false);
        assertThat(executor.isIdle()).isTrue();
        assertThat(executor.isIdleButForCaller()).isTrue();
    }
}
