package dev.sluice.r2dbc.vertx;

import io.r2dbc.spi.Result;
import io.vertx.core.Future;
import io.vertx.sqlclient.Cursor;
import io.vertx.sqlclient.PreparedStatement;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * A statement's rows read through a cursor, {@code fetchSize} rows per fetch whatever the subscriber's demand, so a
 * result is never held whole and a small downstream prefetch (Reactor's 32 rows) does not cost a round trip per 24
 * rows. At most two fetches' rows are held beyond what the subscriber asked for: a fetch starts when the subscriber
 * wants rows nobody has fetched, and, once a stream has read more than one fetch, the next fetch is sent before the
 * rows of the last one are handed on, so the server produces it while they are mapped.
 *
 * <p>PostgreSQL drops a cursor when its transaction ends, and outside a transaction every message sequence is its
 * own transaction. So outside one, the statement runs in a transaction of its own: {@code BEGIN} (sent once the
 * statement is prepared) is pipelined with the first fetch, {@code COMMIT} follows the last row or a cancel (a write with {@code RETURNING} is then committed
 * whole, as without a cursor), {@code ROLLBACK} follows an error. A cancel closes the cursor.
 *
 * <p>Without that transaction the portal would need Execute messages followed by Flush, not Sync, until the last
 * row; Vert.x ends every Execute with a Sync (its {@code ExtendedQueryCommandCodec}), so the driver cannot do that
 * through Vert.x's API. A result known to be small skips all this: {@code fetchSize(Integer.MAX_VALUE)}
 * ({@link VxStatement#ALL_AT_ONCE}) runs the statement once, without cursor.
 */
final class CursorRows {
    private final VxConnection connection;
    private final String sql;
    private final Tuple tuple;
    private final int fetchSize;

    private FluxSink<Result.Segment> sink;
    private boolean implicit;
    private Cursor cursor;
    private PreparedStatement statement;
    private boolean reading;
    private boolean done;
    private boolean failed;
    /** Rows fetched (handed on or about to be), and rows the subscriber asked for (capped at Long.MAX_VALUE). */
    private long rows;
    private long requested;

    private CursorRows(VxConnection connection, String sql, Tuple tuple, int fetchSize) {
        this.connection = connection;
        this.sql = sql;
        this.tuple = tuple;
        this.fetchSize = fetchSize;
    }

    static Flux<Result.Segment> of(VxConnection connection, String sql, Tuple tuple, int fetchSize) {
        return Flux.defer(() -> {
            CursorRows c = new CursorRows(connection, sql, tuple, fetchSize);
            // the subscriber's requests are counted before they reach the sink, whose onRequest then asks for rows
            return Flux.<Result.Segment>create(c::start, FluxSink.OverflowStrategy.BUFFER).doOnRequest(c::requested);
        });
    }

    private synchronized void requested(long n) {
        requested = requested + n < 0 ? Long.MAX_VALUE : requested + n;
    }

    private synchronized void start(FluxSink<Result.Segment> s) {
        this.sink = s;
        s.onRequest(n -> more());
        s.onCancel(this::cancel);
        boolean own = !connection.inTransaction();
        connection.statements().get(connection.pg(), sql).onComplete(ar -> {
            try {
                synchronized (this) {
                    if (ar.failed()) {
                        fail(ar.cause());
                        return;
                    }
                    statement = ar.result();
                    if (done) {
                        connection.statements().release(sql, statement);
                        return;
                    }
                    if (own) {
                        // after the prepare: a statement that fails to prepare has no transaction to abort
                        implicit = true;
                        connection.pg().query("BEGIN").execute();
                    }
                    cursor = statement.cursor(tuple);
                }
                more();
            } catch (RuntimeException | AssertionError e) {
                fail(e);
            }
        });
    }

    /**
     * Whether to fetch now: the subscriber asked for rows not fetched yet or, after more than one fetch, fewer than
     * a fetch's rows wait for its demand (the caller holds the lock).
     */
    private boolean wanted() {
        long ahead = rows - requested;
        return requested > 0 && ahead < (rows > fetchSize ? fetchSize : 0);
    }

    private void more() {
        synchronized (this) {
            if (cursor == null || reading || done || !wanted()) {
                return;
            }
            reading = true;
        }
        read();
    }

    /** Sends one fetch; {@code reading} is already set. */
    private void read() {
        Future<RowSet<Row>> read;
        try {
            read = cursor.read(fetchSize);
        } catch (RuntimeException | AssertionError e) {
            fail(e);
            return;
        }
        read.onComplete(ar -> {
            try {
                if (ar.failed()) {
                    fail(ar.cause());
                } else {
                    emit(ar.result());
                }
            } catch (RuntimeException | AssertionError e) {
                fail(e);
            }
        });
    }

    private void emit(RowSet<Row> rs) {
        VxRowMetadata md = connection.metadata(rs.columnDescriptors());
        boolean more;
        boolean ahead;
        synchronized (this) {
            if (done) {
                reading = false;
                return;
            }
            rows += rs.size();
            more = md != null && md.size() > 0 && cursor.hasMore();
            if (!more) {
                done = true;
            }
            // the next fetch goes out before these rows are handed on, when the stream still wants them
            ahead = more && wanted();
            reading = ahead;
        }
        if (ahead) {
            read();
        }
        for (Row r : rs) {
            sink.next(VxResult.row(new VxRow(r, md)));
        }
        if (more) {
            more();
            return;
        }
        long count = md == null || md.size() == 0 ? rs.rowCount() : rows;
        finish(implicit ? "COMMIT" : null).onComplete(ar -> {
            if (ar.failed()) {
                sink.error(Errors.translate(ar.cause(), sql));
            } else {
                sink.next(VxResult.count(count));
                sink.complete();
            }
        });
    }

    private void fail(Throwable error) {
        synchronized (this) {
            reading = false;
            if (failed) {
                return;
            }
            failed = true;
            done = true;
        }
        finish(implicit ? "ROLLBACK" : null).onComplete(ar -> sink.error(Errors.translate(error, sql)));
    }

    private void cancel() {
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
        }
        finish(implicit ? "COMMIT" : null);
    }

    /** Closes the cursor, releases the statement and ends the implicit transaction, queued in that order. */
    private Future<?> finish(String end) {
        Cursor c;
        PreparedStatement ps;
        synchronized (this) {
            c = cursor;
            ps = statement;
            cursor = null;
            statement = null;
        }
        if (c != null) {
            c.close();
        }
        if (ps != null) {
            connection.statements().release(sql, ps);
        }
        if (end != null) {
            return connection.pg().query(end).execute();
        }
        return Future.succeededFuture();
    }
}
