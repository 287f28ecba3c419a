package dev.sluice.r2dbc.vertx;

import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import io.vertx.sqlclient.RowSet;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One statement's outcome: its rows, then its update count, as a cold stream of segments that is read once. Rows
 * arrive as the subscriber asks for them (a cursor fetch per batch of demand, see {@link CursorRows}).
 */
class VxResult implements Result {
    private final Flux<Segment> segments;

    VxResult(Flux<Segment> segments) {
        this.segments = segments;
    }

    /**
     * A result read whole in one execution: its rows are mapped straight from the row set, without segments to
     * filter and cast; {@link #flatMap} and {@link #filter} still see them as segments.
     */
    static VxResult whole(RowSet<io.vertx.sqlclient.Row> rs, VxRowMetadata md) {
        // the segments are built only if asked for (filter, flatMap): map and getRowsUpdated read the row set
        Flux<Segment> segments = Flux.defer(() -> {
            Flux<Segment> rows = md == null ? Flux.empty() : Flux.fromIterable(rs).map(r -> row(new VxRow(r, md)));
            return rows.concatWith(Mono.just(count(rs.rowCount())));
        });
        return new Whole(segments, rs, md);
    }

    /** {@link #whole}'s result. */
    private static final class Whole extends VxResult {
        private final RowSet<io.vertx.sqlclient.Row> rs;
        private final VxRowMetadata md;

        Whole(Flux<Segment> segments, RowSet<io.vertx.sqlclient.Row> rs, VxRowMetadata md) {
            super(segments);
            this.rs = rs;
            this.md = md;
        }

        @Override
        public Mono<Long> getRowsUpdated() {
            return Mono.just((long) rs.rowCount());
        }

        @Override
        public <T> Flux<T> map(BiFunction<Row, RowMetadata, ? extends T> f) {
            return md == null ? Flux.empty() : Flux.fromIterable(rs).map(r -> f.apply(new VxRow(r, md), md));
        }

        @Override
        public <T> Flux<T> map(Function<? super Readable, ? extends T> f) {
            return md == null ? Flux.empty() : Flux.fromIterable(rs).map(r -> f.apply(new VxRow(r, md)));
        }
    }

    @Override
    public Mono<Long> getRowsUpdated() {
        return segments.ofType(UpdateCount.class)
            .map(UpdateCount::value)
            .reduce(Long::sum);
    }

    @Override
    public <T> Flux<T> map(BiFunction<Row, RowMetadata, ? extends T> f) {
        return segments.ofType(RowSegment.class).map(s -> f.apply(s.row(), s.row().getMetadata()));
    }

    @Override
    public <T> Flux<T> map(Function<? super Readable, ? extends T> f) {
        return segments.ofType(RowSegment.class).map(s -> f.apply(s.row()));
    }

    @Override
    public VxResult filter(Predicate<Segment> filter) {
        return new VxResult(segments.filter(filter));
    }

    @Override
    public <T> Flux<T> flatMap(Function<Segment, ? extends Publisher<? extends T>> f) {
        return segments.concatMap(f);
    }

    static RowSegment row(VxRow row) {
        return () -> row;
    }

    static UpdateCount count(long n) {
        return () -> n;
    }
}
