package dev.sluice.internal;

import dev.sluice.spi.ConnectionSource;
import dev.sluice.spi.Dialect;
import dev.sluice.sql.RenderedSql;
import dev.sluice.sql.SelectQuery;
import dev.sluice.sql.Statement;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the builders and {@code Database} run statements and transactions through: one per
 * {@code Database}, assembled from its parts, each with one job:
 *
 * <ul>
 *   <li>{@link RenderCache}: SQL text per statement shape, binds per statement;
 *   <li>{@link Connections}: the connection of the transaction in the Context, of an outside
 *       manager's transaction, or one of its own;
 *   <li>{@link StatementRunner}: binds and runs one statement, under its timeout;
 *   <li>{@link TransactionRunner}: transactions, savepoints and {@link ManualTransaction}s;
 *   <li>{@link ErrorMapping}: driver errors to Sluice's typed exceptions.
 * </ul>
 *
 * The transaction in progress travels in the Reactor {@code Context}, so queries inside a
 * transaction body join it. Not for users: the public API is {@code Database} and the builders.
 */
public final class Executor {
  private final CachedReads cached;
  private final Shapes shapes;
  private final Dialect dialect;
  private final int fetchSize;
  private final ErrorMapping errors;
  private final StatementRunner statements;
  private final TransactionRunner transactions;
  private final ReplicaRouter replicas;
  private final boolean pinned;

  /** An executor that joins Spring's transactions when spring-r2dbc is on the class path. */
  public Executor(ConnectionFactory connectionFactory, Dialect dialect, boolean revealBinds,
      int fetchSize, int sqlCacheSize) {
    this(connectionFactory, dialect, revealBinds, fetchSize, sqlCacheSize, ConnectionSource.detect(),
        connectionFactory, ForeignPolicy.FAIL);
  }

  /**
   * An executor that joins the transactions {@code outside} finds (null: none) on
   * {@code connectionFactory} or on {@code given}, the factory the user gave before it was pooled;
   * {@code foreign} says what to do in one of its transactions on another factory.
   */
  public Executor(ConnectionFactory connectionFactory, Dialect dialect, boolean revealBinds,
      int fetchSize, int sqlCacheSize, ConnectionSource outside, ConnectionFactory given,
      ForeignPolicy foreign) {
    this(connectionFactory, dialect, revealBinds, fetchSize, sqlCacheSize, outside, given, foreign, null);
  }

  /**
   * {@link #Executor(ConnectionFactory, Dialect, boolean, int, int, ConnectionSource, ConnectionFactory,
   * ForeignPolicy)} on a pool whose acquire timeout is known (the pool Sluice built), so
   * that an exhausted pool's error can name it; null when unknown (a pool the user gave).
   */
  public Executor(ConnectionFactory connectionFactory, Dialect dialect, boolean revealBinds,
      int fetchSize, int sqlCacheSize, ConnectionSource outside, ConnectionFactory given,
      ForeignPolicy foreign, Duration acquireTimeout) {
    this(connectionFactory, dialect, revealBinds, fetchSize, sqlCacheSize, outside, given, foreign, acquireTimeout,
        null, Observing.NONE);
  }

  /**
   * The full form: with read replicas ({@code replicas} decides, outside transactions, where each
   * statement runs; null: no replicas) and the {@link Observing} of the {@code Database} (its
   * observers, its name, and whether they may see bound values).
   */
  public Executor(ConnectionFactory connectionFactory, Dialect dialect, boolean revealBinds,
      int fetchSize, int sqlCacheSize, ConnectionSource outside, ConnectionFactory given,
      ForeignPolicy foreign, Duration acquireTimeout, ReplicaRouter replicas, Observing observing) {
    this(connectionFactory, dialect, revealBinds, fetchSize, sqlCacheSize, outside, given, foreign, acquireTimeout,
        replicas, observing, null);
  }

  /** {@link #Executor(ConnectionFactory, Dialect, boolean, int, int, ConnectionSource, ConnectionFactory,
   * ForeignPolicy, Duration, ReplicaRouter, Observing)} with a query cache (null: none). */
  public Executor(ConnectionFactory connectionFactory, Dialect dialect, boolean revealBinds,
      int fetchSize, int sqlCacheSize, ConnectionSource outside, ConnectionFactory given,
      ForeignPolicy foreign, Duration acquireTimeout, ReplicaRouter replicas, Observing observing,
      dev.sluice.cache.QueryCache cache) {
    this(connectionFactory, dialect, revealBinds, fetchSize, sqlCacheSize, outside, given, foreign, acquireTimeout,
        replicas, observing, cache, null);
  }

  /** The full form with the mapping of typed JSON columns (null: {@code JsonMapping.defaults()}). */
  public Executor(ConnectionFactory connectionFactory, Dialect dialect, boolean revealBinds,
      int fetchSize, int sqlCacheSize, ConnectionSource outside, ConnectionFactory given,
      ForeignPolicy foreign, Duration acquireTimeout, ReplicaRouter replicas, Observing observing,
      dev.sluice.cache.QueryCache cache, dev.sluice.schema.JsonMapping json) {
    this.cached = new CachedReads(cache);
    this.shapes = new Shapes();
    this.dialect = dialect;
    this.fetchSize = fetchSize;
    this.errors = new ErrorMapping(dialect, revealBinds);
    Observers observers = observing.observers().isEmpty() ? Observers.NONE
        : new Observers(observing.observers(), observing.database() == null ? dialect.name() : observing.database(),
            dialect.name(), observing.revealBinds());
    Connections connections = new Connections(connectionFactory, dialect, outside, given, foreign, acquireTimeout,
        replicas);
    this.statements = new StatementRunner(dialect, new RenderCache(dialect, sqlCacheSize), connections, errors, given,
        observers, cached, json);
    this.transactions = new TransactionRunner(dialect, connections, errors, given, observers, cached);
    this.replicas = replicas;
    this.pinned = false;
  }

  /** The same executor with every read on the primary ({@link #onPrimary()}). */
  private Executor(Executor of) {
    this.cached = of.cached;
    this.shapes = of.shapes;
    this.dialect = of.dialect;
    this.fetchSize = of.fetchSize;
    this.errors = of.errors;
    this.statements = of.statements;
    this.transactions = of.transactions;
    this.replicas = of.replicas;
    this.pinned = true;
  }

  /** The result shapes of this database's eager loads, made once each. */
  Shapes shapes() {
    return shapes;
  }

  /** Where this database's reads went (nothing without replicas). */
  public dev.sluice.observe.ReadRouting readRouting() {
    return replicas == null ? dev.sluice.observe.ReadRouting.NONE : replicas.counts();
  }

  /** This executor with every read sent to the primary (itself when there are no replicas). */
  public Executor onPrimary() {
    return pinned || replicas == null ? this : new Executor(this);
  }

  /**
   * The rows of a cached read ({@code query.cached(...)}): from the query cache, or run and stored;
   * inside a transaction (Sluice's or another manager's) the cache is bypassed, since the transaction
   * must see its own writes. Fails with {@code IllegalUseException} when the database has no cache.
   */
  public <T> Mono<List<T>> cachedQuery(Statement statement, RowReader<T> reader, int rowsPerFetch, Duration ttl,
      java.util.Set<String> tags) {
    return Mono.deferContextual(ctx -> {
      cached.cache();
      // every row is held (to keep or to return as a list), so the read is a gathered one: no fetch size
      if (statements.inAnyTransaction(ctx)) {
        return queryGathered(statement, reader).collectList();
      }
      // the rows are recorded as the driver gave them, and every read maps them again with its reader
      Mono<dev.sluice.cache.CachedRows> load = queryGathered(statement, row -> {
        dev.sluice.cache.CapturedRow captured = dev.sluice.cache.CapturedRow.of(row);
        reader.read(JsonRows.wrap(captured, statements.json()));
        return captured.freeze();
      }).collectList().map(dev.sluice.cache.CachedRows::of);
      return cached.read(dialect.name(), statement, render(statement, true), ttl, tags, load)
          .map(rows -> replay(rows, row -> reader.read(JsonRows.wrap(row, statements.json()))));
    });
  }

  private static <T> List<T> replay(dev.sluice.cache.CachedRows rows, RowReader<T> reader) {
    List<T> out = new java.util.ArrayList<>(rows.size());
    for (dev.sluice.cache.CapturedRow row : rows.rows()) {
      out.add(reader.read(row));
    }
    return java.util.Collections.unmodifiableList(out);
  }

  /** Drops the cached reads of {@code tables}. */
  public Mono<Void> invalidateTables(java.util.Set<String> tables) {
    return Mono.defer(() -> {
      cached.cache();
      return cached.invalidateTables(tables);
    });
  }

  /** Drops the cached reads given one of {@code tags}. */
  public Mono<Void> invalidateTags(java.util.Set<String> tags) {
    return Mono.defer(() -> {
      cached.cache();
      return cached.invalidateTags(tags);
    });
  }

  /** Closes what the read replicas hold (the pools Sluice made for them); empty without replicas. */
  public Mono<Void> closeReplicas() {
    return replicas == null ? Mono.empty() : replicas.close();
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
    return statements.render(statement, cacheable);
  }

  /** Streams the rows of a query, read by {@code reader}, with the given fetch size (0 = driver default). */
  public <T> Flux<T> query(Statement statement, RowReader<T> reader, int rowsPerFetch) {
    return query(statement, reader, rowsPerFetch, false);
  }

  /**
   * {@link #query(Statement, RowReader, int)}; {@code declaredReadOnly} says that a raw statement
   * only reads, so that it may run on a read replica (raw statements otherwise go to the primary).
   */
  public <T> Flux<T> query(Statement statement, RowReader<T> reader, int rowsPerFetch, boolean declaredReadOnly) {
    if (replicas == null) {
      return statements.query(statement, reader, rowsPerFetch);
    }
    Route route = Route.of(statement, declaredReadOnly);
    return statements.query(statement, reader, rowsPerFetch, pinned ? route.pinned() : route);
  }

  /**
   * {@link #query(Statement, RowReader, int)} without a fetch size, for a statement whose rows the
   * caller gathers whole anyway (a relation batch of eager loading, grouped by parent key before
   * any record is emitted): reading them by cursor would bound nothing, so the dialect may have the
   * driver read them in one execution ({@link dev.sluice.spi.Dialect#prepareBoundedRead}).
   */
  public <T> Flux<T> queryGathered(Statement statement, RowReader<T> reader) {
    if (replicas == null) {
      return statements.query(statement, reader, 0, Route.PRIMARY_READ, true);
    }
    Route route = Route.of(statement, false);
    return statements.query(statement, reader, 0, pinned ? route.pinned() : route, true);
  }

  /**
   * {@link #queryGathered} as one list, for a caller that wants every row at once ({@code fetchList},
   * an eager load's statements); in one operator where nothing wraps the statement ({@code PointRead}).
   */
  public <T> Mono<java.util.List<T>> fetchGathered(SelectQuery query, RowReader<T> reader) {
    if (replicas != null) {
      return queryGathered(query, reader).collectList();
    }
    return statements.gatheredRead(query, reader);
  }

  /**
   * The first {@code max} rows of {@code query}, a read whose result is small by construction
   * ({@code fetchOne()}: {@code LIMIT 2}, {@code fetchFirst()}: {@code LIMIT 1}), as one list; the
   * same as {@code query(query, reader, rowsPerFetch).take(max).collectList()}, in one operator where
   * nothing wraps the statement (see {@code PointRead}).
   */
  public <T> Mono<java.util.List<T>> fetchFew(SelectQuery query, RowReader<T> reader, int max, int rowsPerFetch) {
    if (replicas != null) {
      return query(query, reader, rowsPerFetch).take(max).collectList();
    }
    return statements.pointRead(query, reader, max, rowsPerFetch);
  }

  /** Runs a write and sums the affected row counts. */
  public Mono<Long> update(Statement statement, boolean cacheable) {
    return statements.update(statement, cacheable);
  }

  /** Runs several writes on one connection, atomically (inside a transaction). */
  public Mono<Long> updateAll(Flux<Statement> writes) {
    return inTransaction(() -> writes.concatMap(s -> statements.update(s, false))).reduce(0L, Long::sum);
  }

  /** Runs raw SQL statements without binds, e.g. DDL from the schema code. */
  public Mono<Void> executeRaw(List<String> sql) {
    return statements.executeRaw(sql);
  }

  /**
   * Runs {@code body} in a transaction: commit on completion, rollback on error and on cancel. Inside
   * a transaction already, it becomes a savepoint (released on success, rolled back to on error);
   * so it does inside another manager's transaction on the same factory (Spring's), which that
   * manager commits or rolls back.
   */
  public <T> Flux<T> inTransaction(Supplier<? extends Publisher<T>> body) {
    return inTransaction(body, TxSpec.DEFAULTS);
  }

  /** {@link #inTransaction(Supplier)} with options (see {@link TransactionRunner#inTransaction}). */
  public <T> Flux<T> inTransaction(Supplier<? extends Publisher<T>> body, TxSpec options) {
    Flux<T> tx = transactions.inTransaction(body, options);
    return replicas == null ? tx : replicas.notedTransaction(tx);
  }

  /** True inside a transaction of this executor. */
  public Mono<Boolean> inTransactionNow() {
    return transactions.inTransactionNow();
  }

  /**
   * Begins a transaction whose end the caller decides ({@link ManualTransaction#commit()} or
   * {@link ManualTransaction#rollback()}); its connection is held until then.
   */
  public Mono<ManualTransaction> begin(TxSpec options) {
    return transactions.begin(options);
  }

  /**
   * Runs {@code fn} with the current transaction's connection (Sluice's, or an outside manager's
   * found by the {@link ConnectionSource}), or a fresh one closed afterwards.
   */
  public <T> Flux<T> withConnection(Function<Connection, Publisher<T>> fn) {
    return statements.withConnection(true, fn);
  }

  /**
   * {@link #withConnection(Function)}; {@code writes} says whether the work may change data, in which
   * case, inside a transaction, a cancel lets it run to its end before the transaction ends (see
   * {@link TxHandle}). A read is simply cancelled.
   */
  public <T> Flux<T> withConnection(boolean writes, Function<Connection, Publisher<T>> fn) {
    return statements.withConnection(writes, fn);
  }

  /** Maps a driver error to Sluice's typed exception, naming the statement. */
  public Throwable translate(Throwable e, RenderedSql sql) {
    return errors.translate(e, sql);
  }
}
