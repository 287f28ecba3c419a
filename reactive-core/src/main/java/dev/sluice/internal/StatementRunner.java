package dev.sluice.internal;

import dev.sluice.error.DataException;
import dev.sluice.spi.Dialect;
import dev.sluice.spi.ErrorTranslator;
import dev.sluice.spi.StatementCanceller;
import dev.sluice.sql.Bind;
import dev.sluice.sql.CompoundSelect;
import dev.sluice.sql.InsertQuery;
import dev.sluice.sql.RawStatement;
import dev.sluice.sql.RenderedSql;
import dev.sluice.sql.SelectQuery;
import dev.sluice.sql.Statement;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs one statement: renders it ({@link RenderCache}), binds every value by position, runs it on
 * the connection {@link Connections} gives, under the query timeout of the subscriber's
 * Context ({@link StatementTimer}), and maps a driver error ({@link ErrorMapping}).
 */
final class StatementRunner {
  private final Dialect dialect;
  private final RenderCache renders;
  private final Connections connections;
  private final ErrorMapping errors;
  private final ConnectionFactory unpooled;
  private final Observers observers;
  private final CachedReads cached;
  private final dev.sluice.schema.JsonMapping json;

  StatementRunner(Dialect dialect, RenderCache renders, Connections connections, ErrorMapping errors,
      ConnectionFactory unpooled, Observers observers, CachedReads cached, dev.sluice.schema.JsonMapping json) {
    this.json = json;
    this.observers = observers;
    this.cached = cached;
    this.dialect = dialect;
    this.renders = renders;
    this.connections = connections;
    this.errors = errors;
    this.unpooled = unpooled;
  }

  Dialect dialect() { return dialect; }

  /** The mapping of typed JSON columns the database was given, or null for the default. */
  dev.sluice.schema.JsonMapping json() { return json; }

  /** {@code row} as the readers see it: adapted by the dialect, carrying the JSON mapping if one was given. */
  io.r2dbc.spi.Row adapt(io.r2dbc.spi.Row row) {
    return JsonRows.wrap(dialect.adaptRow(row), json);
  }

  /** Whether {@code ctx} holds a Sluice transaction or may hold another manager's. */
  boolean inAnyTransaction(reactor.util.context.ContextView ctx) {
    return connections.current(ctx) != null || connections.outside().mayBeActive(ctx);
  }

  RenderedSql render(Statement statement, boolean cacheable) {
    return renders.render(statement, cacheable);
  }

  <T> Flux<T> withConnection(boolean writes, Function<Connection, Publisher<T>> fn) {
    return connections.withConnection(writes, fn);
  }

  Throwable translate(Throwable e, RenderedSql sql) {
    return errors.translate(e, sql);
  }

  /** Streams the rows of a query, read by {@code reader}, with the given fetch size (0 = driver default). */
  <T> Flux<T> query(Statement statement, RowReader<T> reader, int rowsPerFetch) {
    return query(statement, reader, rowsPerFetch, Route.PRIMARY_READ);  // without replicas no route is read
  }

  /** {@link #query(Statement, RowReader, int)} where {@code route} says (see {@link ReplicaRouter}). */
  <T> Flux<T> query(Statement statement, RowReader<T> reader, int rowsPerFetch, Route route) {
    return query(statement, reader, rowsPerFetch, route, false);
  }

  /**
   * {@link #query(Statement, RowReader, int, Route)}; {@code gathered}: the caller holds every row
   * anyway, so the read is prepared as a bounded one ({@link Dialect#prepareBoundedRead}).
   */
  <T> Flux<T> query(Statement statement, RowReader<T> reader, int rowsPerFetch, Route route, boolean gathered) {
    return Flux.deferContextual(ctx -> {
      if (EmulatedReturning.applies(dialect, statement)) {
        return EmulatedReturning.run(this, (InsertQuery) statement, reader);
      }
      RenderedSql sql = render(statement, true);
      boolean writes = !(statement instanceof SelectQuery || statement instanceof CompoundSelect
          || statement instanceof RawStatement raw && raw.reads());
      Duration timeout = QueryTimeoutKey.in(ctx).orElse(null);
      AtomicReference<StatementCanceller> canceller = new AtomicReference<>();
      Flux<T> rows = connections.withConnection(writes, route, c -> {
        Supplier<Publisher<T>> work = () -> ResultRows.of(prepareRead(c, sql, rowsPerFetch, statement, gathered).execute(),
            (row, meta) -> reader.read(adapt(row)));
        // a canceller that opens a connection (KILL QUERY) must reach the server c is on: a replica's
        return timeout == null ? StatementTimer.armed(null, c, dialect, unpooled, canceller, work)
            : Flux.deferContextual(on -> StatementTimer.armed(timeout, c, dialect,
                ReplicaRouter.unpooledOf(on, unpooled), canceller, work));
      });
      Flux<T> out = StatementTimer.bound(rows, timeout, canceller, sql.sql())
          .onErrorMap(e -> errors.translate(e, sql, statement));
      if (writes && cached.enabled()) {
        out = out.concatWith(Mono.defer(() -> wrote(statement, ctx)).then(Mono.empty()));
      }
      return observers.active() ? observers.rows(statement, sql, ctx, connections.current(ctx), out) : out;
    });
  }

  /**
   * The first {@code max} rows of {@code query}, a read of few rows ({@code fetchOne()}, {@code
   * fetchFirst()}), as one list: {@link PointRead} where nothing else wraps the statement, else
   * {@link #query} with {@code take(max).collectList()}.
   */
  <T> Mono<List<T>> pointRead(SelectQuery query, RowReader<T> reader, int max, int rowsPerFetch) {
    return new PointRead<>(this, query, reader, max, rowsPerFetch);
  }

  /** Every row of {@code query} as one list, read as a gathered read ({@link #query} with {@code gathered}). */
  <T> Mono<List<T>> gatheredRead(SelectQuery query, RowReader<T> reader) {
    return new PointRead<>(this, query, reader, Integer.MAX_VALUE, 0, true);
  }

  /**
   * Whether a statement subscribed with {@code ctx} runs on a connection of its own with nothing
   * around it: no transaction (Sluice's or an outside manager's), no observer, no query timeout.
   */
  boolean pointReadApplies(reactor.util.context.ContextView ctx) {
    return !observers.active() && connections.current(ctx) == null && !connections.outside().mayBeActive(ctx)
        && !ctx.hasKey(QueryTimeoutKey.class);
  }

  ConnectionFactory connectionFactory() {
    return connections.factory();
  }

  Throwable translateAcquire(Throwable e) {
    return connections.acquireError(e);
  }

  Throwable translate(Throwable e, RenderedSql sql, Statement statement) {
    return errors.translate(e, sql, statement);
  }

  /** Runs a write and sums the affected row counts. */
  Mono<Long> update(Statement statement, boolean cacheable) {
    return Mono.deferContextual(ctx -> {
      RenderedSql sql = render(statement, cacheable);
      Duration timeout = QueryTimeoutKey.in(ctx).orElse(null);
      AtomicReference<StatementCanceller> canceller = new AtomicReference<>();
      Flux<Long> counts = connections.withConnection(true, c -> StatementTimer.armed(timeout, c, dialect, unpooled,
          canceller, () -> Flux.from(prepare(c, sql, 0).execute()).concatMap(Result::getRowsUpdated)));
      Mono<Long> out = StatementTimer.bound(counts, timeout, canceller, sql.sql())
          .reduce(0L, Long::sum)
          .onErrorMap(e -> errors.translate(e, sql, statement));
      if (cached.enabled()) {
        out = out.flatMap(n -> wrote(statement, ctx).thenReturn(n));
      }
      return observers.active() ? observers.count(statement, sql, ctx, connections.current(ctx), out) : out;
    });
  }

  /**
   * What a write makes stale in the query cache: dropped now outside a transaction, noted in the
   * transaction (and dropped when it commits) inside one.
   */
  private Mono<Void> wrote(Statement statement, reactor.util.context.ContextView ctx) {
    if (!cached.enabled()) {
      return Mono.empty();
    }
    TxHandle tx = connections.current(ctx);
    if (tx == null) {
      return cached.wrote(statement);
    }
    tx.wrote(CachedReads.written(statement));
    return Mono.empty();
  }

  /** Runs raw SQL statements without binds, one after the other, e.g. DDL from the schema code. */
  Mono<Void> executeRaw(List<String> statements) {
    return Flux.fromIterable(statements)
        .concatMap(sql -> Mono.deferContextual(ctx -> {
          Mono<Long> run = connections.withConnection(true, c -> Flux.from(c.createStatement(sql).execute())
                  .concatMap(Result::getRowsUpdated))
              .reduce(0L, Long::sum)
              .onErrorMap(e -> errors.translate(e, new RenderedSql(sql, List.of())));
          return observers.active() ? observers.ddl(sql, ctx, connections.current(ctx), run) : run;
        }))
        // schema statements may drop or change any table: nothing cached survives them
        .then(Mono.defer(cached::invalidateAll));
  }

  /**
   * {@link #prepare}; a SELECT Sluice rendered without binds or fetch size also passes
   * {@link Dialect#prepareUnboundRead} (never raw SQL, which may hold several statements), then one
   * whose result is small by construction ({@link BoundedReads}) without a fetch size
   * {@link Dialect#prepareBoundedRead}.
   */
  io.r2dbc.spi.Statement prepareRead(Connection c, RenderedSql sql, int rowsPerFetch, Statement statement) {
    return prepareRead(c, sql, rowsPerFetch, statement, false);
  }

  /** {@link #prepareRead(Connection, RenderedSql, int, Statement)}; {@code gathered}: see {@link #query}. */
  io.r2dbc.spi.Statement prepareRead(Connection c, RenderedSql sql, int rowsPerFetch, Statement statement,
      boolean gathered) {
    io.r2dbc.spi.Statement s = prepare(c, sql, rowsPerFetch);
    if (rowsPerFetch <= 0) {
      if (sql.binds().isEmpty() && (statement instanceof SelectQuery || statement instanceof CompoundSelect)) {
        dialect.prepareUnboundRead(s);
      }
      if (gathered || BoundedReads.small(statement)) {
        dialect.prepareBoundedRead(s);
      }
    }
    return s;
  }

  private io.r2dbc.spi.Statement prepare(Connection c, RenderedSql sql, int rowsPerFetch) {
    io.r2dbc.spi.Statement s = bind(c.createStatement(sql.sql()), sql, json);
    if (rowsPerFetch > 0) {
      s.fetchSize(rowsPerFetch);
    }
    return s;
  }

  /**
   * Binds every value of {@code sql} to {@code s} by position (a null with its type); a typed JSON
   * column's value is written as JSON text by {@code json} (null: the default mapping).
   */
  static io.r2dbc.spi.Statement bind(io.r2dbc.spi.Statement s, RenderedSql sql, dev.sluice.schema.JsonMapping json) {
    List<Bind> binds = sql.binds();
    for (int i = 0; i < binds.size(); i++) {
      Bind b = binds.get(i);
      try {
        if (b.value() == null) {
          s.bindNull(i, b.type());
        } else if (b.value() instanceof dev.sluice.schema.JsonCodec.Pending pending) {
          s.bind(i, JsonRows.text(pending, json));
        } else {
          s.bind(i, b.value());
        }
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        // the driver has no codec for the value's type: nothing was sent
        throw new DataException("The driver cannot bind parameter " + (i + 1) + " of type "
            + (b.value() == null ? b.type().getName() : b.value().getClass().getName()) + ": "
            + ErrorTranslator.scrub(e.getMessage(), sql), null, sql.sql(), null, null);
      }
    }
    return s;
  }
}
