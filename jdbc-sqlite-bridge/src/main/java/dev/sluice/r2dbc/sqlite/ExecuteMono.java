package dev.sluice.r2dbc.sqlite;

import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Consumer;

/**
 * The execution of one statement unit as a {@code Mono}: the first request queues it on the connection's
 * {@link SerialExecutor}; it is skipped if the subscriber cancelled before it ran, and a result produced for a
 * subscriber that cancelled meanwhile is discarded (its cursor closed) at once. One object per subscription is both
 * the subscription and the queued work, where {@code Mono.create} needed a sink, a cancel flag and two lambdas.
 */
final class ExecuteMono extends Mono<SqliteResult> {

    private final SqliteConnection connection;
    private final ParsedSql.Unit unit;
    private final Object[] values;
    private final int fetchSize;

    ExecuteMono(SqliteConnection connection, ParsedSql.Unit unit, Object[] values, int fetchSize) {
        this.connection = connection;
        this.unit = unit;
        this.values = values;
        this.fetchSize = fetchSize;
    }

    @Override
    public void subscribe(CoreSubscriber<? super SqliteResult> actual) {
        actual.onSubscribe(new Call(this, actual));
    }

    private static final class Call implements Subscription, Runnable, Consumer<Throwable> {
        private static final int NEW = 0;
        private static final int QUEUED = 1;
        private static final int DONE = 2;
        private static final AtomicIntegerFieldUpdater<Call> STATE =
            AtomicIntegerFieldUpdater.newUpdater(Call.class, "state");

        private final ExecuteMono source;
        private final CoreSubscriber<? super SqliteResult> actual;
        private volatile int state;

        Call(ExecuteMono source, CoreSubscriber<? super SqliteResult> actual) {
            this.source = source;
            this.actual = actual;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                if (STATE.getAndSet(this, DONE) != DONE) {
                    actual.onError(Operators.onOperatorError(new IllegalArgumentException(
                        "§3.9 violated: positive request amount required but it was " + n), actual.currentContext()));
                }
                return;
            }
            if (STATE.compareAndSet(this, NEW, QUEUED)) {
                source.connection.executor().execute(this, this);
            }
        }

        /** Cancelled: the queued work, if it has not run yet, does nothing. */
        @Override
        public void cancel() {
            state = DONE;
        }

        /** The work, on the connection's queue. */
        @Override
        public void run() {
            if (state != QUEUED) {
                return;
            }
            if (source.connection.isClosed()) {
                accept(SqliteConnection.closedException());
                return;
            }
            SqliteResult result = source.connection.executeUnit(source.unit, source.values, source.fetchSize);
            if (STATE.compareAndSet(this, QUEUED, DONE)) {
                actual.onNext(result);
                actual.onComplete();
            } else {
                result.discard();
            }
        }

        /** The work could not run (or failed unexpectedly). */
        @Override
        public void accept(Throwable error) {
            if (STATE.getAndSet(this, DONE) != DONE) {
                actual.onError(error);
            } else {
                Operators.onErrorDropped(error, actual.currentContext());
            }
        }
    }
}
