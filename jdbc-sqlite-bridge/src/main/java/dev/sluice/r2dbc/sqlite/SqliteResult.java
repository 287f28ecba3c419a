package dev.sluice.r2dbc.sqlite;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The result of one statement execution: a stream of segments — rows (pulled from SQLite on demand unless the
 * execution already read them all, see {@link RowCursor}), an update count, or a {@link Segments.Message} carrying
 * the error. A result can be consumed once.
 * {@link #getRowsUpdated()} of a plain query emits nothing and releases its cursor without reading it;
 * for {@code INSERT/UPDATE/DELETE ... RETURNING} it reads the rows and emits their number.
 */
final class SqliteResult implements Result {

    private final Flux<Segment> segments;
    private final RowCursor cursor;
    private final boolean error;

    private SqliteResult(Flux<Segment> segments, RowCursor cursor, boolean error) {
        this.segments = segments;
        this.cursor = cursor;
        this.error = error;
    }

    static SqliteResult ofCursor(RowCursor cursor) {
        return new SqliteResult(cursor.segments(), cursor, false);
    }

    /** A result read completely during the execution: its statement is already released. */
    static SqliteResult ofSegments(List<Segment> segments) {
        return new SqliteResult(segments.size() == 1 ? Flux.just(segments.get(0)) : Flux.fromIterable(segments),
            null, false);
    }

    static SqliteResult ofUpdateCount(long count) {
        return new SqliteResult(Flux.just(new Segments.UpdateCount(count)), null, false);
    }

    static SqliteResult ofError(R2dbcException exception) {
        return new SqliteResult(Flux.just(new Segments.Message(exception)), null, true);
    }

    /** Closes the cursor of a result nobody will consume (queue thread only). */
    void discard() {
        if (cursor != null) {
            cursor.closeResources();
        }
    }

    boolean isError() {
        return error;
    }

    @Override
    public Mono<Long> getRowsUpdated() {
        if (cursor != null && !cursor.countsRows()) {
            return cursor.release().then(Mono.empty());
        }
        return segments.<Long>handle((segment, sink) -> {
            if (segment instanceof UpdateCount) {
                sink.next(((UpdateCount) segment).value());
            } else if (segment instanceof Message) {
                sink.error(((Message) segment).exception());
            }
        }).reduce(Long::sum);
    }

    @Override
    public <T> Flux<T> map(BiFunction<Row, RowMetadata, ? extends T> mappingFunction) {
        Objects.requireNonNull(mappingFunction, "mappingFunction");
        return map(readable -> {
            Row row = (Row) readable;
            return mappingFunction.apply(row, row.getMetadata());
        });
    }

    @Override
    public <T> Flux<T> map(Function<? super Readable, ? extends T> mappingFunction) {
        Objects.requireNonNull(mappingFunction, "mappingFunction");
        return segments.<T>handle((segment, sink) -> {
            if (segment instanceof RowSegment) {
                T value = mappingFunction.apply(((RowSegment) segment).row());
                if (value == null) {
                    sink.error(new IllegalStateException("The mapping function returned null"));
                } else {
                    sink.next(value);
                }
            } else if (segment instanceof Message) {
                sink.error(((Message) segment).exception());
            }
        });
    }

    @Override
    public SqliteResult filter(Predicate<Segment> filter) {
        Objects.requireNonNull(filter, "filter");
        return new SqliteResult(segments.filter(filter), null, error);
    }

    @Override
    public <T> Flux<T> flatMap(Function<Segment, ? extends Publisher<? extends T>> mappingFunction) {
        Objects.requireNonNull(mappingFunction, "mappingFunction");
        return segments.concatMap(segment -> {
            Publisher<? extends T> publisher = mappingFunction.apply(segment);
            if (publisher == null) {
                return Mono.error(new IllegalStateException("The mapping function returned null"));
            }
            return publisher;
        });
    }

    @Override
    public String toString() {
        return "SqliteResult{" + (cursor != null ? "rows" : error ? "error" : "update count") + '}';
    }
}
