package dev.sluice.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sluice.SluiceException;
import dev.sluice.spi.Dialect;
import dev.sluice.sql.Bind;
import dev.sluice.sql.RenderedSql;
import dev.sluice.sql.Statement;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Result;
import java.util.List;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Runs rendered statements on R2DBC. Every connection is held inside {@code usingWhen}: closed on
 * completion, error and cancel. The transaction in progress travels in the Reactor {@code Context}
 * under this executor as key, so queries inside a transaction body join it.
 */
public final class Executor {
  private final ConnectionFactory connectionFactory;
  private final Dialect dialect;
  private final Cache<Statement, String> sqlCache;
  private final boolean revealBinds;
  private final int fetchSize;

  public Executor(ConnectionFactory connectionFactory, Dialect dialect, boolean revealBinds,
      int fetchSize, int sqlCacheSize) {
    this.connectionFactory = connectionFactory;
    this.dialect = dialect;
    this.revealBinds = revealBinds;
    this.fetchSize = fetchSize;
    this.sqlCache = Caffeine.newBuilder().maximumSize(sqlCacheSize).build();
  }

  public Dialect dialect() { return dialect; }

  /** The default number of rows fetched per round trip when streaming. */
  public int fetchSize() { return fetchSize; }

  /**
   * Renders a statement, reusing the cached SQL of an earlier statement of the same shape. Only the
   * binds are collected again on a hit.
   */
  public RenderedSql render(Statement statement, boolean cacheable) {
    if (!cacheable) {
      return dialect.render(statement);
    }
    String sql = sqlCache.getIfPresent(statement);
    if (sql != null) {
      return new RenderedSql(sql, dialect.binds(statement));
    }
    RenderedSql rendered = dialect.render(statement);
    sqlCache.put(statement, rendered.sql());
    return rendered;
  }

  /** Streams the rows of a query, read by {@code reader}, with the given fetch size (0 = driver default). */
  public <T> Flux<T> query(Statement statement, RowReader<T> reader, int rowsPerFetch) {
    return Flux.defer(() -> {
      RenderedSql sql = render(statement, true);
      return withConnection(c -> Flux.from(prepare(c, sql, rowsPerFetch).execute())
          .concatMap(r -> r.map((row, meta) -> reader.read(row))))
          .onErrorMap(e -> translate(e, sql));
    });
  }

  /** Runs a write and sums the affected row counts. */
  public Mono<Long> update(Statement statement, boolean cacheable) {
    return Mono.defer(() -> {
      RenderedSql sql = render(statement, cacheable);
      return withConnection(c -> Flux.from(prepare(c, sql, 0).execute())
          .concatMap(Result::getRowsUpdated))
          .reduce(0L, Long::sum)
          .onErrorMap(e -> translate(e, sql));
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

  /**
   * Runs {@code body} in a transaction: commit on completion, rollback on error and on cancel. Inside
   * a transaction already, it becomes a savepoint (released on success, rolled back to on error).
   */
  public <T> Flux<T> inTransaction(java.util.function.Supplier<? extends Publisher<T>> body) {
    return inTransaction(body, null);
  }

  /** {@link #inTransaction(java.util.function.Supplier)} with an isolation level (null = default). */
  public <T> Flux<T> inTransaction(java.util.function.Supplier<? extends Publisher<T>> body,
      IsolationLevel isolation) {
    return Flux.deferContextual(ctx -> {
      TxHandle outer = ctx.getOrDefault(this, null);
      if (outer != null) {
        Connection c = outer.connection();
        return Flux.usingWhen(
            Mono.fromSupplier(outer::nextSavepointName)
                .flatMap(name -> Mono.from(c.createSavepoint(name)).thenReturn(name)),
            name -> Flux.from(body.get()),
            name -> Mono.from(c.releaseSavepoint(name)),
            (name, err) -> Mono.from(c.rollbackTransactionToSavepoint(name)),
            name -> Mono.from(c.rollbackTransactionToSavepoint(name)));
      }
      return Flux.usingWhen(requireFactory().create(),
          c -> Flux.usingWhen(
              Mono.from(isolation == null ? c.beginTransaction() : c.beginTransaction(isolation))
                  .thenReturn(new TxHandle(c)),
              tx -> Flux.from(body.get()).contextWrite(Context.of(this, tx)),
              tx -> Mono.from(c.commitTransaction()),
              (tx, err) -> Mono.from(c.rollbackTransaction()),
              tx -> Mono.from(c.rollbackTransaction())),
          Connection::close,
          (c, err) -> Mono.from(c.close()),
          c -> Mono.from(c.close()));
    });
  }

  /** True inside a transaction of this executor. */
  public Mono<Boolean> inTransactionNow() {
    return Mono.deferContextual(ctx -> Mono.just(ctx.hasKey(this)));
  }

  /** Runs {@code fn} with the current transaction's connection, or a fresh one closed afterwards. */
  public <T> Flux<T> withConnection(Function<Connection, Publisher<T>> fn) {
    return Flux.deferContextual(ctx -> {
      TxHandle tx = ctx.getOrDefault(this, null);
      if (tx != null) {
        return Flux.from(fn.apply(tx.connection()));
      }
      return Flux.usingWhen(requireFactory().create(), fn, Connection::close,
          (c, err) -> Mono.from(c.close()), c -> Mono.from(c.close()));
    });
  }

  private static io.r2dbc.spi.Statement prepare(Connection c, RenderedSql sql, int rowsPerFetch) {
    io.r2dbc.spi.Statement s = c.createStatement(sql.sql());
    List<Bind> binds = sql.binds();
    for (int i = 0; i < binds.size(); i++) {
      Bind b = binds.get(i);
      if (b.value() == null) {
        s.bindNull(i, b.type());
      } else {
        s.bind(i, b.value());
      }
    }
    if (rowsPerFetch > 0) {
      s.fetchSize(rowsPerFetch);
    }
    return s;
  }

  private ConnectionFactory requireFactory() {
    if (connectionFactory == null) {
      throw new SluiceException("This Database has no connection factory: it can only render SQL");
    }
    return connectionFactory;
  }

  /** Maps a driver error to Sluice's typed exception, naming the statement. */
  public Throwable translate(Throwable e, RenderedSql sql) {
    if (e instanceof SluiceException || !(e instanceof io.r2dbc.spi.R2dbcException
        || e.getCause() instanceof io.r2dbc.spi.R2dbcException)) {
      return e;
    }
    return dialect.translate(e, sql, revealBinds);
  }
}
