package dev.sluice.r2dbc.vertx;

import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.Tuple;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collector;

/**
 * The result of a statement run once, its rows held whole, handed out as the statement starts, so that the function
 * given to {@link #map} is applied to each row as Vert.x decodes it, while the server is still sending the rest, not
 * to every row once the last one came: mapping then overlaps the server's work instead of following it.
 *
 * <p>Mapping a row needs its columns before the result describes them, so they are assumed to be those of the
 * statement's last result ({@link Metadatas#last}): Vert.x prepares a statement once, and PostgreSQL refuses to run a
 * prepared statement whose columns changed. The assumption is checked when the result ends: the values mapped early
 * are handed on only if its columns are the same; otherwise every row is mapped again with its own columns, so no
 * value is ever read under another column's type. A mapping given after rows arrived maps those when the result ends,
 * as does every mapping after the first. The rows are kept until then (as a whole result always was). The mapping
 * given first, once subscribed, runs on Vert.x's event loop, on every row in order; if the columns changed it has
 * run on values read under the old ones, whose results are dropped.
 *
 * <p>A statement's errors, and the mapping function's, reach the publishers of this result ({@link #map},
 * {@link #getRowsUpdated}), not the one of {@code execute()}, which has already handed the result out.
 */
final class DecodedResult extends VxResult {
    private final Rows rows;
    private final Mono<SqlResult<Rows>> outcome;
    private final VxConnection connection;
    private final String sql;

    private DecodedResult(Rows rows, Mono<SqlResult<Rows>> outcome, VxConnection connection, String sql) {
        super(outcome.flatMapMany(done -> {
            VxRowMetadata md = connection.ended(sql, done.columnDescriptors());
            Flux<Segment> segments = md == null ? Flux.empty()
                : Flux.fromIterable(rows.all).map(r -> row(new VxRow(r, md)));
            return segments.concatWith(Mono.just(count(done.rowCount())));
        }));
        this.rows = rows;
        this.outcome = outcome;
        this.connection = connection;
        this.sql = sql;
    }

    /** Runs {@code sql} with {@code tuple} once, assuming the columns {@code assumed}; the result comes at once. */
    static Flux<Result> run(VxConnection connection, String sql, Tuple tuple, VxRowMetadata assumed) {
        return Flux.defer(() -> {
            Rows rows = new Rows(assumed);
            Mono<SqlResult<Rows>> outcome = Futures.mono(
                connection.pg().preparedQuery(sql).collecting(rows.collector()).execute(tuple), sql);
            return Flux.just(new DecodedResult(rows, outcome, connection, sql));
        });
    }

    @Override
    public Mono<Long> getRowsUpdated() {
        return outcome.map(done -> {
            connection.ended(sql, done.columnDescriptors());
            return (long) done.rowCount();
        });
    }

    @Override
    public <T> Flux<T> map(BiFunction<Row, RowMetadata, ? extends T> f) {
        return mapped(f);
    }

    @Override
    public <T> Flux<T> map(Function<? super Readable, ? extends T> f) {
        return mapped((row, md) -> f.apply(row));
    }

    @SuppressWarnings("unchecked")
    private <T> Flux<T> mapped(BiFunction<Row, RowMetadata, ? extends T> f) {
        // claimed when subscribed, not when asked for: an unsubscribed map() maps nothing
        return Flux.defer(() -> {
            boolean early = rows.claim(f);
            return outcome.flatMapMany(done -> {
                VxRowMetadata md = connection.ended(sql, done.columnDescriptors());
                return (Flux<T>) rows.values(f, md, early);
            }).doOnCancel(early ? rows::stop : () -> { });
        });
    }

    /**
     * The rows as Vert.x decodes them (its collector's container), each mapped at once once a mapping is given; the
     * rows decoded before it are mapped first, so the mapping sees every row in order.
     */
    static final class Rows {
        private final VxRowMetadata assumed;
        /** Every row, in order: mapped again when the columns were not the assumed ones. */
        private final List<io.vertx.sqlclient.Row> all = new ArrayList<>();
        /** The mapping applied as rows are decoded (set once, from any thread); null until then. */
        private volatile BiFunction<Row, RowMetadata, ?> mapper;
        private volatile boolean stopped;
        /** The values of the rows mapped so far, from the first row on: written on the event loop, read there. */
        private List<Object> mapped;
        private Throwable failed;

        Rows(VxRowMetadata assumed) {
            this.assumed = assumed;
        }

        Collector<io.vertx.sqlclient.Row, Rows, Rows> collector() {
            return Collector.of(() -> this, Rows::accept, (a, b) -> a, Collector.Characteristics.IDENTITY_FINISH);
        }

        /** Makes {@code f} the mapping applied as rows are decoded; false when another one was given first. */
        synchronized boolean claim(BiFunction<Row, RowMetadata, ?> f) {
            if (mapper != null) {
                return false;
            }
            mapper = f;
            return true;
        }

        /** The subscriber of the early mapping left: the rows that follow are not mapped. */
        void stop() {
            stopped = true;
        }

        private void accept(io.vertx.sqlclient.Row r) {
            all.add(r);
            BiFunction<Row, RowMetadata, ?> f = mapper;
            if (f == null || failed != null || stopped) {
                return;
            }
            if (mapped == null) {
                mapped = new ArrayList<>();
            }
            // the rows decoded before the mapping was given first, then this one
            for (int i = mapped.size(); i < all.size() && failed == null; i++) {
                try {
                    mapped.add(f.apply(new VxRow(all.get(i), assumed), assumed));
                } catch (Throwable e) {
                    failed = e;  // handed on when the result ends, if the assumed columns were right
                }
            }
        }

        /**
         * The values of every row under {@code f}, the result having ended with columns {@code md}: those mapped
         * as they were decoded ({@code early}) if {@code md} is what they assumed and the mapping went on to the end,
         * else every row mapped now, in order, as a whole result maps them.
         */
        Flux<?> values(BiFunction<Row, RowMetadata, ?> f, VxRowMetadata md, boolean early) {
            if (md == null) {
                return Flux.empty();
            }
            if (early && mapped != null && !stopped && md.sameColumns(assumed)) {
                Flux<Object> values = Flux.fromIterable(mapped);
                return failed == null ? values : values.concatWith(Flux.error(failed));
            }
            return Flux.fromIterable(all).map(r -> f.apply(new VxRow(r, md), md));
        }
    }
}
