package dev.sluice.internal;

import dev.sluice.error.ConnectionAcquireTimeoutException;
import dev.sluice.error.ConnectionLostException;
import dev.sluice.error.DataException;
import dev.sluice.error.DatabaseClosedException;
import dev.sluice.error.IllegalUseException;
import dev.sluice.QueryTimeout;
import dev.sluice.error.SluiceException;
import dev.sluice.error.TransactionTimeoutException;
import dev.sluice.TxOptions;
import dev.sluice.error.ValueTooLongException;
import dev.sluice.schema.Column;
import dev.sluice.spi.ConnectionSource;
import dev.sluice.spi.Dialect;
import dev.sluice.spi.StatementCanceller;
import dev.sluice.sql.Bind;
import dev.sluice.sql.Expr;
import dev.sluice.sql.InsertQuery;
import dev.sluice.sql.Param;
import dev.sluice.sql.RawSql;
import dev.sluice.sql.RenderedSql;
import dev.sluice.sql.Statement;
import dev.sluice.sql.UpdateQuery;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.Result;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Runs rendered statements on R2DBC. Every connection is held inside {@code usingWhen}: closed on
 * completion, error and cancel. The transaction in progress travels in the Reactor {@code Context}
 * under this executor as key, so queries inside a transaction body join it. Outside a Sluice
 * transaction, a transaction of another manager found by the {@link ConnectionSource} (Spring's) is
 * joined instead.
 */
public final class Executor {
  private static final RenderedSql COMMIT = new RenderedSql("COMMIT", List.of());
  private static final RenderedSql BEGIN = new RenderedSql("BEGIN", List.of());

  private final ConnectionFactory connectionFactory;
  private final Dialect dialect;
  private final RenderCache renders;
  private final boolean revealBinds;
  private final int fetchSize;
  private final OutsideTransaction outside;
  private final ConnectionFactory unpooled;
  private final Duration acquireTimeout;

  /** An executor that joins Spring's transactions when spring-r2dbc is on the class path. */
  public Executor(ConnectionFactory connectionFactory, Dialect dialect, boolean revealBinds,
      int fetchSize, int sqlCacheSize) {
    this(connectionFactory, dialect, revealBinds, fetchSize, sqlCacheSize, ConnectionSource.detect(),
        connectionFactory, dev.sluice.ForeignTransactionPolicy.FAIL);
  }

  /**
   * An executor that joins the transactions {@code outside} finds (null: none) on
   * {@code connectionFactory} or on {@code given}, the factory the user gave before it was pooled;
   * {@code foreign} says what to do in one of its transactions on another factory.
   */
  public Executor(ConnectionFactory connectionFactory, Dialect dialect, boolean revealBinds,
      int fetchSize, int sqlCacheSize, ConnectionSource outside, ConnectionFactory given,
      dev.sluice.ForeignTransactionPolicy foreign) {
    this(connectionFactory, dialect, revealBinds, fetchSize, sqlCacheSize, outside, given, foreign, null);
  }

  /**
   * {@link #Executor(ConnectionFactory, Dialect, boolean, int, int, ConnectionSource, ConnectionFactory,
   * dev.sluice.ForeignTransactionPolicy)} on a pool whose acquire timeout is known (the pool Sluice
   * built), so that an exhausted pool's error can name it; null when unknown (a pool the user gave).
   */
  public Executor(ConnectionFactory connectionFactory, Dialect dialect, boolean revealBinds,
      int fetchSize, int sqlCacheSize, ConnectionSource outside, ConnectionFactory given,
      dev.sluice.ForeignTransactionPolicy foreign, Duration acquireTimeout) {
    this.acquireTimeout = acquireTimeout;
    this.connectionFactory = connectionFactory;
    this.dialect = dialect;
    this.revealBinds = revealBinds;
    this.fetchSize = fetchSize;
    this.renders = new RenderCache(dialect, sqlCacheSize);
    this.outside = new OutsideTransaction(outside, connectionFactory, given, foreign);
    this.unpooled = given;
  }

  public Dialect dialect() { return dialect; }

  /** The default number of rows fetched per round trip when streaming. */
  public int fetchSize() { return fetchSize; }

  /**
   * Renders a statement, reusing the cached SQL of an earlier statement of the same shape. Only the
   * binds are collected again on a hit. A bound value the database would store changed is refused
   * here, before anything is sent (see {@link BindCheck}).
   */
  public RenderedSql render(Statement statement, boolean cacheable) {
    return renders.render(statement, cacheable);
  }

  /** Streams the rows of a query, read by {@code reader}, with the given fetch size (0 = driver default). */
  public <T> Flux<T> query(Statement statement, RowReader<T> reader, int rowsPerFetch) {
    return Flux.deferContextual(ctx -> {
      if (EmulatedReturning.applies(dialect, statement)) {
        return EmulatedReturning.run(this, (dev.sluice.sql.InsertQuery) statement, reader);
      }
      RenderedSql sql = render(statement, true);
      boolean writes = !(statement instanceof dev.sluice.sql.SelectQuery
          || statement instanceof dev.sluice.sql.CompoundSelect
          || statement instanceof dev.sluice.sql.RawStatement raw && raw.reads());
      Duration timeout = QueryTimeout.in(ctx).orElse(null);
      AtomicReference<StatementCanceller> canceller = new AtomicReference<>();
      Flux<T> rows = withConnection(writes, c -> StatementTimer.armed(timeout, c, dialect, unpooled,
          canceller, () -> ResultRows.of(prepare(c, sql, rowsPerFetch).execute(),
              (row, meta) -> reader.read(dialect.adaptRow(row)))));
      return StatementTimer.bound(rows, timeout, canceller, sql.sql())
          .onErrorMap(e -> translate(e, sql, statement));
    });
  }

  /** Runs a write and sums the affected row counts. */
  public Mono<Long> update(Statement statement, boolean cacheable) {
    return Mono.deferContextual(ctx -> {
      RenderedSql sql = render(statement, cacheable);
      Duration timeout = QueryTimeout.in(ctx).orElse(null);
      AtomicReference<StatementCanceller> canceller = new AtomicReference<>();
      Flux<Long> counts = withConnection(c -> StatementTimer.armed(timeout, c, dialect, unpooled,
          canceller, () -> Flux.from(prepare(c, sql, 0).execute()).concatMap(Result::getRowsUpdated)));
      return StatementTimer.bound(counts, timeout, canceller, sql.sql())
          .reduce(0L, Long::sum)
          .onErrorMap(e -> translate(e, sql, statement));
    });
  }

  /** Runs several writes on one connection, atomically (inside a transaction). */
  public Mono<Long> updateAll(Flux<Statement> statements) {
    return inTransaction(() -> statements.concatMap(s -> update(s, false))).reduce(0L, Long::sum);
  }

  /** Runs one raw SQL statement without binds, e.g. DDL from the schema code. */
  public Mono<Void> executeRaw(List<String> statements) {
    return Flux.fromIterable(statements)
        .concatMap(sql -> withConnection(c -> Flux.from(c.createStatement(sql).execute())
            .concatMap(Result::getRowsUpdated))
            .onErrorMap(e -> translate(e, new RenderedSql(sql, List.of()))))
        .then();
  }

  // ---- transactions -------------------------------------------------------------------------

  /**
   * Runs {@code body} in a transaction: commit on completion, rollback on error and on cancel. Inside
   * a transaction already, it becomes a savepoint (released on success, rolled back to on error);
   * so it does inside another manager's transaction on the same factory (Spring's), which that
   * manager commits or rolls back.
   */
  public <T> Flux<T> inTransaction(Supplier<? extends Publisher<T>> body) {
    return inTransaction(body, TxOptions.defaults());
  }

  /** {@link #inTransaction(Supplier)} with an isolation level (null = default). */
  public <T> Flux<T> inTransaction(Supplier<? extends Publisher<T>> body,
      io.r2dbc.spi.IsolationLevel isolation) {
    return inTransaction(body, isolation == null ? TxOptions.defaults() : TxOptions.isolation(isolation));
  }

  /**
   * {@link #inTransaction(Supplier)} with options. A body that is a {@link Mono} emits its value only
   * after the commit succeeded, so {@code .next()} or {@code .blockFirst()} downstream never cancels
   * (and so rolls back) a transaction that was about to commit. The retry policy re-runs the whole
   * body in a fresh transaction; it applies to the outermost transaction only.
   */
  public <T> Flux<T> inTransaction(Supplier<? extends Publisher<T>> body, TxOptions options) {
    TxOptions opts = options == null ? TxOptions.defaults() : options;
    return Flux.deferContextual(ctx -> {
      TxHandle outer = ctx.getOrDefault(this, null);
      if (outer != null) {
        return nested(outer, body, opts);
      }
      if (!outside.mayBeActive(ctx)) {
        return topLevel(body, opts);
      }
      // Inside another manager's transaction: a savepoint on its connection; it commits, not Sluice.
      return outside.run(c -> {
        TxHandle joined = new TxHandle(c);
        return nested(joined, body, opts).contextWrite(Context.of(this, joined));
      }, () -> topLevel(body, opts));
    });
  }

  /**
   * One {@code usingWhen} whose resource is the whole transaction (connection acquired and begun)
   * and whose clean-ups end the transaction and only then close the connection. Closing in a
   * separate, outer {@code usingWhen} would race with the rollback on cancel: the connection went
   * back to the pool (which rolls it back) while a statement of the cancelled body was still on its
   * way, and that statement then ran, and committed, in auto-commit.
   */
  private <T> Flux<T> topLevel(Supplier<? extends Publisher<T>> body, TxOptions opts) {
    Flux<T> once = Flux.defer(() -> {
      Publisher<T> work = body.get();
      Mono<TxHandle> open = acquire().flatMap(c -> begin(c, opts)
          .onErrorResume(e -> quietClose(c, e).then(Mono.error(translate(e, BEGIN))))
          .thenReturn(new TxHandle(c)));
      Function<TxHandle, Mono<Void>> commit = tx -> closeAfter(tx, tx.end(this::commitOrRollback));
      java.util.function.BiFunction<TxHandle, Throwable, Mono<Void>> onError =
          (tx, err) -> closeAfter(tx, tx.end(c -> quietRollback(c, err)));
      Function<TxHandle, Mono<Void>> onCancel = tx -> closeAfter(tx, tx.end(c -> quietRollback(c, null)));
      if (work instanceof Mono<T> mono) {
        return Mono.usingWhen(open,
            tx -> bounded(mono.flux(), opts, tx.connection()).next().contextWrite(Context.of(this, tx)),
            commit, onError, onCancel).flux();
      }
      return Flux.usingWhen(open,
          tx -> bounded(Flux.from(work), opts, tx.connection()).contextWrite(Context.of(this, tx)),
          commit, onError, onCancel);
    });
    return opts.retryPolicy().isNone() ? once : once.retryWhen(opts.retryPolicy().toRetry());
  }

  /** Runs {@code end}, then closes the connection whatever the outcome; {@code end}'s error wins. */
  private static Mono<Void> closeAfter(TxHandle tx, Mono<Void> end) {
    Connection c = tx.connection();
    return end.onErrorResume(e -> quietClose(c, e).then(Mono.error(e)))
        .then(Mono.defer(() -> Mono.from(c.close())));
  }

  /**
   * A savepoint on the outer transaction's connection: released on success, rolled back to on error
   * and on cancel. Nested transactions of one scope are queued (see {@link TxHandle}), so the body
   * runs only once the savepoints subscribed before it have ended.
   */
  private <T> Flux<T> nested(TxHandle outer, Supplier<? extends Publisher<T>> body, TxOptions opts) {
    if (!dialect.capabilities().savepoints()) {
      return Flux.defer(() -> bounded(Flux.from(body.get()), opts));
    }
    Connection c = outer.connection();
    return Flux.defer(() -> {
      Publisher<T> work = body.get();
      Mono<TxHandle> savepoint = outer.openNested(name -> Mono.from(c.createSavepoint(name))
          .onErrorMap(e -> translate(e, new RenderedSql("SAVEPOINT " + name, List.of()))));
      Function<TxHandle, Mono<Void>> release = sp -> sp.end(cc -> Mono.from(cc.releaseSavepoint(sp.savepointName()))
          .onErrorMap(e -> translate(e, new RenderedSql("RELEASE SAVEPOINT " + sp.savepointName(), List.of()))));
      java.util.function.BiFunction<TxHandle, Throwable, Mono<Void>> onError = (sp, err) ->
          sp.end(cc -> Mono.from(cc.rollbackTransactionToSavepoint(sp.savepointName())).onErrorResume(re -> {
            err.addSuppressed(re);
            return Mono.empty();
          }));
      Function<TxHandle, Mono<Void>> onCancel = sp -> sp.end(cc ->
          Mono.from(cc.rollbackTransactionToSavepoint(sp.savepointName())).onErrorResume(re -> Mono.empty()));
      if (work instanceof Mono<T> mono) {
        return Mono.usingWhen(savepoint,
            sp -> bounded(mono.flux(), opts).next().contextWrite(Context.of(this, sp)),
            release, onError, onCancel).flux();
      }
      return Flux.usingWhen(savepoint,
          sp -> bounded(Flux.from(work), opts).contextWrite(Context.of(this, sp)),
          release, onError, onCancel);
    });
  }

  /** Begins a transaction with the options on {@code c}. */
  private static Mono<Void> begin(Connection c, TxOptions opts) {
    return Mono.from(opts.isPlainBegin() ? c.beginTransaction() : c.beginTransaction(opts.toDefinition()));
  }

  /**
   * Commits; when the commit itself fails (a deferred constraint, a serialization failure at commit,
   * a lost connection) the transaction is rolled back (quietly), and the
   * translated commit error signalled.
   */
  private Mono<Void> commitOrRollback(Connection c) {
    return Mono.from(c.commitTransaction())
        .onErrorResume(e -> {
          Throwable t = translate(e, COMMIT);
          return quietRollback(c, t).then(Mono.error(t));
        });
  }

  /** Rolls back; a failure (e.g. on a dead connection) is attached to {@code cause} as suppressed. */
  private static Mono<Void> quietRollback(Connection c, Throwable cause) {
    return Mono.from(c.rollbackTransaction()).onErrorResume(e -> {
      if (cause != null && cause != e) {
        cause.addSuppressed(e);
      }
      return Mono.empty();
    });
  }

  private static Mono<Void> quietClose(Connection c, Throwable cause) {
    return Mono.from(c.close()).onErrorResume(e -> {
      if (cause != null && cause != e) {
        cause.addSuppressed(e);
      }
      return Mono.empty();
    });
  }

  /**
   * The body of a transaction on {@code c}, failing with {@link TransactionTimeoutException} after
   * the timeout; the statement running then is cancelled on the server first (see
   * {@link StatementTimer#boundTransaction}).
   */
  private <T> Flux<T> bounded(Flux<T> body, TxOptions opts, Connection c) {
    Duration timeout = opts.timeoutDuration().orElse(null);
    return timeout == null ? body : StatementTimer.boundTransaction(body, timeout, c, dialect, unpooled);
  }

  /** The body, failing with {@link TransactionTimeoutException} (and cancelled) after the timeout. */
  private static <T> Flux<T> bounded(Flux<T> body, TxOptions opts) {
    Duration timeout = opts.timeoutDuration().orElse(null);
    if (timeout == null) {
      return body;
    }
    return Flux.defer(() -> {
      AtomicBoolean expired = new AtomicBoolean();
      return body.takeUntilOther(Mono.delay(timeout).doOnNext(x -> expired.set(true)))
          .concatWith(Mono.defer(() -> expired.get()
              ? Mono.error(new TransactionTimeoutException(timeout)) : Mono.empty()));
    });
  }

  /** True inside a transaction of this executor. */
  public Mono<Boolean> inTransactionNow() {
    return Mono.deferContextual(ctx -> Mono.just(ctx.hasKey(this)));
  }

  /**
   * Begins a transaction whose end the caller decides ({@link ManualTransaction#commit()} or
   * {@link ManualTransaction#rollback()}); its connection is held until then.
   */
  public Mono<ManualTransaction> begin(TxOptions options) {
    TxOptions opts = options == null ? TxOptions.defaults() : options;
    return acquire().flatMap(c -> begin(c, opts)
        .onErrorResume(e -> quietClose(c, e).then(Mono.error(translate(e, BEGIN))))
        .thenReturn(new ManualTransaction(new TxHandle(c))));
  }

  /** A transaction begun by {@link #begin(TxOptions)}; commit or rollback exactly once. */
  public final class ManualTransaction {
    private final TxHandle handle;
    private final AtomicBoolean done = new AtomicBoolean();

    private ManualTransaction(TxHandle handle) {
      this.handle = handle;
    }

    /** Runs {@code work} inside this transaction (its Context carries the transaction). */
    public <T> Flux<T> run(Publisher<T> work) {
      return Flux.defer(() -> done.get() ? Flux.error(finished()) : Flux.from(work))
          .contextWrite(Context.of(Executor.this, handle));
    }

    /** {@link #run(Publisher)} for one value. */
    public <T> Mono<T> run(Mono<T> work) {
      return Mono.defer(() -> done.get() ? Mono.<T>error(finished()) : work)
          .contextWrite(Context.of(Executor.this, handle));
    }

    /** Commits and returns the connection; a failed commit rolls back. */
    public Mono<Void> commit() {
      return Mono.defer(() -> done.compareAndSet(false, true)
          ? handle.end(Executor.this::commitOrRollback)
              .onErrorResume(e -> quietClose(handle.connection(), e).then(Mono.error(e)))
              .then(Mono.defer(() -> Mono.from(handle.connection().close())))
          : Mono.error(finished()));
    }

    /** Rolls back and returns the connection. */
    public Mono<Void> rollback() {
      return Mono.defer(() -> done.compareAndSet(false, true)
          ? handle.end(c -> Mono.from(c.rollbackTransaction()))
              .onErrorMap(e -> translate(e, new RenderedSql("ROLLBACK", List.of())))
              .onErrorResume(e -> quietClose(handle.connection(), e).then(Mono.error(e)))
              .then(Mono.defer(() -> Mono.from(handle.connection().close())))
          : Mono.error(finished()));
    }

    /** True until commit or rollback was called. */
    public boolean isActive() { return !done.get(); }

    private SluiceException finished() {
      return new IllegalUseException("This transaction was already committed or rolled back");
    }
  }

  // ---- connections --------------------------------------------------------------------------

  /**
   * Runs {@code fn} with the current transaction's connection (Sluice's, or an outside manager's
   * found by the {@link ConnectionSource}), or a fresh one closed afterwards.
   */
  public <T> Flux<T> withConnection(Function<Connection, Publisher<T>> fn) {
    return withConnection(true, fn);
  }

  /**
   * {@link #withConnection(Function)}; {@code writes} says whether the work may change data, in which
   * case, inside a transaction, a cancel lets it run to its end before the transaction ends (see
   * {@link TxHandle}). A read is simply cancelled.
   */
  public <T> Flux<T> withConnection(boolean writes, Function<Connection, Publisher<T>> fn) {
    return Flux.deferContextual(ctx -> {
      TxHandle tx = ctx.getOrDefault(this, null);
      if (tx != null) {
        return tx.use(fn, writes);
      }
      if (!outside.mayBeActive(ctx)) {
        return pooled(fn);
      }
      return outside.run(fn, () -> pooled(fn));
    });
  }

  /**
   * {@code fn} on a connection of its own, given back when it ends. A cancel before {@code fn}
   * delivered anything discards the connection ({@link Discard}): the driver may still be waiting
   * for the statement's first response, and the next statement on it would hang.
   */
  private <T> Flux<T> pooled(Function<Connection, Publisher<T>> fn) {
    return Flux.defer(() -> {
      AtomicBoolean delivered = new AtomicBoolean();
      return Flux.usingWhen(acquire(),
          c -> Flux.from(fn.apply(c)).doOnNext(x -> delivered.lazySet(true)), Connection::close,
          (c, err) -> quietClose(c, err), c -> delivered.get() ? quietClose(c, null) : Discard.close(c));
    });
  }

  /** A connection from the factory; a pool's acquire timeout becomes a typed error. */
  private Mono<Connection> acquire() {
    return Mono.defer(() -> Mono.<Connection>from(requireFactory().create()))
        .onErrorMap(this::acquireError);
  }

  private Throwable acquireError(Throwable e) {
    if (e instanceof reactor.pool.PoolShutdownException) {
      return new DatabaseClosedException("This Database was closed: its connection pool is shut down", e);
    }
    if (e instanceof R2dbcTimeoutException || e instanceof java.util.concurrent.TimeoutException) {
      int size = poolSize();
      Duration timeout = acquireTimeout;
      return new ConnectionAcquireTimeoutException("No connection available"
          + (size > 0 ? " from the pool of " + size + " connections" : "")
          + (timeout != null ? " within the acquire timeout of " + timeout.toMillis() + " ms" : "")
          + ": more concurrent work than connections, or connections held too long ("
          + e.getMessage() + ")", e, size, timeout);
    }
    if (dialect.isConnectionLost(e)) {
      return new ConnectionLostException("Could not connect: " + e.getMessage(), e, null);
    }
    return e;
  }

  private int poolSize() {
    if (connectionFactory instanceof io.r2dbc.pool.ConnectionPool pool) {
      return pool.getMetrics().map(io.r2dbc.pool.PoolMetrics::getMaxAllocatedSize).orElse(-1);
    }
    return -1;
  }

  private static io.r2dbc.spi.Statement prepare(Connection c, RenderedSql sql, int rowsPerFetch) {
    io.r2dbc.spi.Statement s = bind(c.createStatement(sql.sql()), sql);
    if (rowsPerFetch > 0) {
      s.fetchSize(rowsPerFetch);
    }
    return s;
  }

  /** Binds every value of {@code sql} to {@code s} by position (a null with its type). */
  static io.r2dbc.spi.Statement bind(io.r2dbc.spi.Statement s, RenderedSql sql) {
    List<Bind> binds = sql.binds();
    for (int i = 0; i < binds.size(); i++) {
      Bind b = binds.get(i);
      try {
        if (b.value() == null) {
          s.bindNull(i, b.type());
        } else {
          s.bind(i, b.value());
        }
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        // the driver has no codec for the value's type: nothing was sent
        throw new DataException("The driver cannot bind parameter " + (i + 1) + " of type "
            + (b.value() == null ? b.type().getName() : b.value().getClass().getName()) + ": "
            + dev.sluice.spi.ErrorTranslator.scrub(e.getMessage(), sql), null, sql.sql(), null, null);
      }
    }
    return s;
  }

  private ConnectionFactory requireFactory() {
    if (connectionFactory == null) {
      throw new IllegalUseException("This Database has no connection factory: it can only render SQL");
    }
    return connectionFactory;
  }

  // ---- errors -------------------------------------------------------------------------------

  /** Maps a driver error to Sluice's typed exception, naming the statement. */
  public Throwable translate(Throwable e, RenderedSql sql) {
    if (e instanceof SluiceException) {
      return e;
    }
    if (dialect.isConnectionLost(e)) {
      Throwable cause = dev.sluice.spi.ErrorTranslator.safeCause(e, sql, revealBinds);
      return new ConnectionLostException("Connection lost: " + cause.getMessage()
          + (sql == null ? "" : "\n  SQL: " + sql.sql()), cause, sql == null ? null : sql.sql());
    }
    if (!(e instanceof R2dbcException || e.getCause() instanceof R2dbcException)) {
      return e;
    }
    return dialect.translate(e, sql, revealBinds);
  }

  /**
   * {@link #translate(Throwable, RenderedSql)}, then names the table and column of a refused value
   * from the statement when the database did not.
   */
  private Throwable translate(Throwable e, RenderedSql sql, Statement statement) {
    Throwable t = translate(e, sql);
    if (t instanceof DataException d && d.column() == null && !(e instanceof SluiceException)) {
      return enrich(d, statement);
    }
    return t;
  }

  private static DataException enrich(DataException d, Statement statement) {
    String table;
    List<Column<?>> columns = new ArrayList<>();
    List<Expr<?>> values = new ArrayList<>();
    if (statement instanceof InsertQuery insert) {
      table = insert.table().name();
      for (List<Expr<?>> row : insert.rows()) {
        columns.addAll(insert.columns());
        values.addAll(row);
      }
    } else if (statement instanceof UpdateQuery update) {
      table = update.table().name();
      for (var a : update.assignments()) {
        columns.add(a.column());
        values.add(a.value());
      }
    } else {
      return d;
    }
    String column = null;
    for (int i = 0; i < columns.size() && column == null; i++) {
      Column<?> col = columns.get(i);
      Expr<?> v = values.get(i);
      if (d instanceof ValueTooLongException) {
        int max = col.dataType().length();
        if (max > 0 && v instanceof Param<?> p && p.value() instanceof CharSequence s && s.length() > max) {
          column = col.name();
        }
      } else if (v instanceof RawSql<?>) {
        column = col.name();
      }
    }
    if (column == null && columns.stream().map(Column::name).distinct().count() == 1) {
      column = columns.get(0).name();
    }
    String where = " [table " + table + (column == null ? "" : ", column " + column) + "]";
    DataException named = d instanceof ValueTooLongException
        ? new ValueTooLongException(d.getMessage() + where, d.getCause(), d.sql(), table, column)
        : new DataException(d.getMessage() + where, d.getCause(), d.sql(), table, column);
    named.setStackTrace(d.getStackTrace());
    return named;
  }
}
