package dev.sluice.r2dbc.sqlite;

import io.r2dbc.spi.Result.Segment;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An open SQLite statement whose rows are read on demand. The execution reads the first row (SQLite computed it
 * already) and looks one row ahead: a result of at most one row is complete there and then ({@link #open}), its
 * statement reset and back in the connection's {@link StatementCache} before the result is even emitted. Otherwise
 * a {@code request(n)} schedules a task on the connection's queue that steps the JDBC result set at most {@code n}
 * times (in chunks of the fetch size, 256 by default, so other work of the connection can interleave with an
 * unbounded request) plus one row of look-ahead, which lets the stream complete and the statement be released as
 * soon as the last row is delivered. Cancelling closes the result set and releases the statement on the queue
 * right after the task in progress, if any.
 */
final class RowCursor {

    private static final int DEFAULT_CHUNK = 256;

    private final SqliteConnection connection;
    private final CachedStatement statement;
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
    private SqliteRow pending; // the first row, read with the execution and not emitted yet
    private boolean positioned;
    private boolean closed;
    private long rowCount;

    private RowCursor(SqliteConnection connection, CachedStatement statement, ResultSet resultSet,
                      SqliteRowMetadata metadata, SqliteRow first, boolean countsRows, int fetchSize) {
        this.connection = connection;
        this.statement = statement;
        this.resultSet = resultSet;
        this.metadata = metadata;
        this.pending = first;
        this.positioned = true; // on the second row
        this.countsRows = countsRows;
        this.chunk = fetchSize > 0 ? fetchSize : DEFAULT_CHUNK;
    }

    /**
     * The result of a statement that has just been executed and has a result set (queue thread only): its first
     * row is read and one row looked ahead. With at most one row the result is complete, and the statement is
     * released at once; otherwise a cursor keeps reading on demand.
     */
    static SqliteResult open(SqliteConnection connection, CachedStatement statement, boolean countsRows,
                             int fetchSize) throws SQLException {
        ResultSet resultSet = statement.statement().getResultSet();
        SqliteRowMetadata metadata = statement.metadata(resultSet);
        List<Segment> segments = new ArrayList<>(2);
        try {
            if (resultSet.next()) {
                SqliteRow first = readRow(resultSet, metadata);
                if (resultSet.next()) {
                    RowCursor cursor = new RowCursor(connection, statement, resultSet, metadata, first, countsRows,
                        fetchSize);
                    connection.cursorOpened(cursor);
                    return SqliteResult.ofCursor(cursor);
                }
                segments.add(first);
            }
            resultSet.close();
        } catch (SQLException | RuntimeException e) {
            SqliteConnection.closeQuietly(resultSet);
            connection.statements().discard(statement);
            segments.add(new Segments.Message(ExceptionMapper.map(e)));
            return SqliteResult.ofSegments(segments);
        }
        connection.statements().release(statement);
        if (countsRows) {
            segments.add(new Segments.UpdateCount(segments.size()));
        }
        return SqliteResult.ofSegments(segments);
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
                connection.executor().execute(this::closeResources, RowCursor::dropped);
            });
            s.onRequest(n -> {
                demand.getAndUpdate(current -> Operators.addCap(current, n));
                scheduleFetch();
            });
        }, FluxSink.OverflowStrategy.BUFFER);
    }

    /** A failure of work done for a subscriber that cancelled: nobody is left to tell but Reactor's hook. */
    private static void dropped(Throwable error) {
        Operators.onErrorDropped(error, reactor.util.context.Context.empty());
    }

    /** Closes the cursor without reading it. */
    Mono<Void> release() {
        subscribed.set(true);
        return Mono.create(s -> connection.executor().execute(() -> {
            closeResources();
            s.success();
        }, s::error));
    }

    private void scheduleFetch() {
        if (fetchScheduled.compareAndSet(false, true)) {
            connection.executor().execute(this::fetch, e -> sink.error(e));
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
        if (pending != null && limit > 0) {
            SqliteRow first = pending;
            pending = null;
            s.next(first);
            rowCount++;
            emitted++;
        }
        try {
            while (emitted < limit && !cancelled) {
                if (!advance()) {
                    finish(s);
                    return;
                }
                positioned = false;
                s.next(readRow(resultSet, metadata));
                rowCount++;
                emitted++;
            }
            if (!cancelled && !advance()) {
                finish(s);
                return;
            }
        } catch (Exception e) {
            close(false);
            s.next(new Segments.Message(ExceptionMapper.map(e)));
            s.complete();
            return;
        }
        if (cancelled) {
            return;
        }
        if (requested != Long.MAX_VALUE) {
            demand.addAndGet(-emitted);
        }
        fetchScheduled.set(false);
        // Read the demand only now: a request that came in while this task ran could not schedule another.
        if (demand.get() > 0) {
            scheduleFetch();
        }
    }

    private boolean advance() throws SQLException {
        if (!positioned) {
            positioned = resultSet.next();
        }
        return positioned;
    }

    private static SqliteRow readRow(ResultSet resultSet, SqliteRowMetadata metadata) throws SQLException {
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

    /** Closes the result set and releases the statement; runs on the connection's queue. */
    void closeResources() {
        close(true);
    }

    /** Closes the result set; the statement goes back to the cache if {@code reusable}, else it is closed. */
    private void close(boolean reusable) {
        if (!closed) {
            closed = true;
            boolean reset;
            try {
                resultSet.close(); // resets the statement, which ends its read of the database
                reset = true;
            } catch (SQLException | RuntimeException e) {
                reset = false;
            }
            if (reusable && reset) {
                connection.statements().release(statement);
            } else {
                connection.statements().discard(statement);
            }
            connection.cursorClosed(this);
        }
    }
}
