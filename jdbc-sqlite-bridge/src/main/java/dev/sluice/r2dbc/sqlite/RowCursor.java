package dev.sluice.r2dbc.sqlite;

import io.r2dbc.spi.Result.Segment;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An open SQLite statement whose rows are read on demand. A {@code request(n)} schedules a task on the
 * connection's queue that steps the JDBC result set at most {@code n} times (in chunks of the fetch size, 256 by
 * default, so other work of the connection can interleave with an unbounded request) plus one row of
 * look-ahead, which lets the stream complete and the statement close as soon as the last row is delivered.
 * Cancelling closes the result set and statement on the queue right after the task in progress, if any.
 */
final class RowCursor {

    private static final int DEFAULT_CHUNK = 256;

    private final SqliteConnection connection;
    private final PreparedStatement statement;
    private final ResultSet resultSet;
    private final boolean countsRows;
    private final int chunk;
    private final SqliteRowMetadata metadata;
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private final AtomicLong demand = new AtomicLong();
    private final AtomicBoolean fetchScheduled = new AtomicBoolean();
    private volatile boolean cancelled;
    private volatile FluxSink<Segment> sink;
    // Confined to the connection's queue:
    private boolean positioned;
    private boolean closed;
    private long rowCount;

    RowCursor(SqliteConnection connection, PreparedStatement statement, ResultSet resultSet, boolean countsRows,
              int fetchSize) throws SQLException {
        this.connection = connection;
        this.statement = statement;
        this.resultSet = resultSet;
        this.countsRows = countsRows;
        this.chunk = fetchSize > 0 ? fetchSize : DEFAULT_CHUNK;
        this.metadata = SqliteRowMetadata.of(resultSet.getMetaData());
    }

    /** Whether the statement is a data change with {@code RETURNING}: its row count is its update count. */
    boolean countsRows() {
        return countsRows;
    }

    Flux<Segment> segments() {
        return Flux.create(s -> {
            if (!subscribed.compareAndSet(false, true)) {
                s.error(new IllegalStateException("A result can only be consumed once"));
                return;
            }
            sink = s;
            s.onCancel(() -> {
                cancelled = true;
                connection.executor().execute(this::closeResources);
            });
            s.onRequest(n -> {
                demand.getAndUpdate(current -> Operators.addCap(current, n));
                scheduleFetch();
            });
        }, FluxSink.OverflowStrategy.BUFFER);
    }

    /** Closes the cursor without reading it. */
    Mono<Void> release() {
        subscribed.set(true);
        return Mono.create(s -> connection.executor().execute(() -> {
            closeResources();
            s.success();
        }));
    }

    private void scheduleFetch() {
        if (fetchScheduled.compareAndSet(false, true)) {
            connection.executor().execute(this::fetch);
        }
    }

    private void fetch() {
        FluxSink<Segment> s = sink;
        if (cancelled) {
            return;
        }
        if (closed) {
            s.next(new Segments.Message(SqliteConnection.closedException()));
            s.complete();
            return;
        }
        long requested = demand.get();
        long limit = Math.min(requested, chunk);
        long emitted = 0;
        try {
            while (emitted < limit && !cancelled) {
                if (!advance()) {
                    finish(s);
                    return;
                }
                positioned = false;
                s.next(new Segments.RowSegment(readRow()));
                rowCount++;
                emitted++;
            }
            if (!cancelled && !advance()) {
                finish(s);
                return;
            }
        } catch (Exception e) {
            closeResources();
            s.next(new Segments.Message(ExceptionMapper.map(e)));
            s.complete();
            return;
        }
        if (cancelled) {
            return;
        }
        long remaining = requested == Long.MAX_VALUE ? Long.MAX_VALUE : demand.addAndGet(-emitted);
        fetchScheduled.set(false);
        if (remaining > 0) {
            scheduleFetch();
        }
    }

    private boolean advance() throws SQLException {
        if (!positioned) {
            positioned = resultSet.next();
        }
        return positioned;
    }

    private SqliteRow readRow() throws SQLException {
        Object[] values = new Object[metadata.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = resultSet.getObject(i + 1);
        }
        return new SqliteRow(metadata, values);
    }

    private void finish(FluxSink<Segment> s) {
        closeResources();
        if (countsRows) {
            s.next(new Segments.UpdateCount(rowCount));
        }
        s.complete();
    }

    /** Closes the result set and statement; runs on the connection's queue. */
    void closeResources() {
        if (!closed) {
            closed = true;
            SqliteConnection.closeQuietly(resultSet);
            SqliteConnection.closeQuietly(statement);
            connection.cursorClosed(this);
        }
    }
}
