package dev.sluice.r2dbc.vertx;

import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
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
final class VxResult implements Result {
    private final Flux<Segment> segments;

    VxResult(Flux<Segment> segments) {
        this.segments = segments;
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
