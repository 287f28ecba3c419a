package dev.sluice.r2dbc.vertx;

import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A connection over one Vert.x {@link PgConnection}. Transactions are PostgreSQL's SQL commands; the driver keeps
 * the transaction state itself (also from {@code BEGIN}, {@code COMMIT} or {@code ROLLBACK} run as statements, by
 * their first word). Commands are queued and pipelined by Vert.x in the order they are subscribed.
 */
final class VxConnection implements VertxPostgresConnection {
    private final PgConnection pg;
    private final VertxPostgresConfiguration configuration;
    private volatile boolean inTransaction;
    private volatile boolean autoCommit = true;
    private volatile IsolationLevel isolation = IsolationLevel.READ_COMMITTED;
    private volatile boolean closed;
    private final StatementCache statements;
    private final TypedSql typed;
    private final Metadatas metadatas;
    /** Borrowed from Vert.x's pool: {@link #close()} gives it back. */
    private final boolean pooled;
    private final CancelRequests cancels;

    VxConnection(PgConnection pg, VertxPostgresConfiguration configuration, TypedSql typed, Metadatas metadatas,
                 boolean pooled, CancelRequests cancels, StatementCache statements) {
        this.pg = pg;
        this.metadatas = metadatas;
        this.cancels = cancels;
        this.configuration = configuration;
        this.typed = typed;
        this.pooled = pooled;
        // a borrowed connection uses the statements of its physical connection, kept across borrows (PooledStatements)
        this.statements = statements;
        pg.closeHandler(v -> closed = true);
        // a connection-level failure (the server terminating the session, a reset socket) reaches the command in
        // flight, typed, and the close handler above; without a handler of its own Vert.x would also print it
        pg.exceptionHandler(e -> { });
    }

    /** Applies the configured timeouts. */
    Mono<Void> initialise() {
        Mono<Void> m = Mono.empty();
        if (configuration.statementTimeout() != null) {
            m = m.then(command(Transactions.timeout("statement_timeout", configuration.statementTimeout())));
        }
        if (configuration.lockWaitTimeout() != null) {
            m = m.then(command(Transactions.timeout("lock_timeout", configuration.lockWaitTimeout())));
        }
        return m;
    }

    PgConnection pg() {
        return pg;
    }

    VertxPostgresConfiguration configuration() {
        return configuration;
    }

    StatementCache statements() {
        return statements;
    }

    /** Runs {@code sql} once with {@code tuple}, its rows read by cursor as they are asked for. */
    Flux<Result> cursor(String sql, Tuple tuple, int fetchSize) {
        return Flux.just(new VxResult(CursorRows.of(this, sql, tuple,
            fetchSize > 0 ? fetchSize : configuration.fetchSize())));
    }

    boolean inTransaction() {
        return inTransaction;
    }

    /** Runs {@code sql} with the simple protocol: no parameters, several statements allowed. */
    Flux<Result> simple(String sql) {
        return Futures.deferred(() -> pg.query(sql).execute(), sql)
            .flatMapIterable(rs -> {
                track(sql);
                return results(rs);
            });
    }

    /** {@code sql} with each marker typed ({@link TypedSql}). */
    String typed(String sql, String[] types) {
        return typed.of(sql, types);
    }

    /**
     * Runs the one statement {@code sql} once with {@code tuple}, its result read whole. Outside a transaction, when
     * its columns are known from its last run, its rows are mapped as they are decoded ({@link DecodedResult}): its
     * result comes at once, and its errors with its rows. Inside a transaction, or for the bindings of a batch, an
     * error stays {@code execute()}'s ({@link #prepared(String, Tuple)}): a failed statement there must stop what
     * follows it, whether or not its result is read.
     */
    Flux<Result> once(String sql, Tuple tuple) {
        VxRowMetadata last = inTransaction ? null : metadatas.last(sql);
        return last != null ? DecodedResult.run(this, sql, tuple, last) : prepared(sql, tuple);
    }

    /** Runs {@code sql} once with {@code tuple}, its result read whole and handed out when it ends. */
    Flux<Result> prepared(String sql, Tuple tuple) {
        return Futures.deferred(() -> pg.preparedQuery(sql).execute(tuple), sql)
            .flatMapIterable(rs -> {
                if (rs.next() != null) {
                    track(sql);
                    return results(rs);
                }
                return List.of(VxResult.whole(rs, ended(sql, rs.columnDescriptors())));
            });
    }

    /**
     * A run of {@code sql}, read whole, ended with {@code columns}: the transaction state follows it, its columns
     * are remembered for its next run; returns their metadata (null: no rows).
     */
    VxRowMetadata ended(String sql, List<io.vertx.sqlclient.desc.ColumnDescriptor> columns) {
        track(sql);
        VxRowMetadata md = metadata(columns);
        metadatas.remember(sql, md);
        return md;
    }

    /** Runs {@code sql} once per tuple; several tuples go as one pipelined batch. */
    Flux<Result> prepared(String sql, List<Tuple> bindings) {
        if (bindings.size() == 1) {
            return prepared(sql, bindings.get(0));
        }
        return Futures.deferred(() -> pg.preparedQuery(sql).executeBatch(bindings), sql)
            .flatMapIterable(rs -> {
                track(sql);
                return results(rs);
            });
    }

    private void track(String sql) {
        int effect = Transactions.effect(sql);
        if (effect > 0) {
            inTransaction = true;
        } else if (effect < 0) {
            inTransaction = false;
        }
    }

    /** The metadata of a result with {@code columns}, built once per prepared statement ({@link Metadatas}). */
    VxRowMetadata metadata(List<io.vertx.sqlclient.desc.ColumnDescriptor> columns) {
        return metadatas.of(columns);
    }

    List<Result> results(RowSet<Row> first) {
        List<Result> out = new ArrayList<>();
        for (RowSet<Row> rs = first; rs != null; rs = rs.next()) {
            out.add(result(rs));
        }
        return out;
    }

    private Result result(RowSet<Row> rs) {
        return VxResult.whole(rs, metadata(rs.columnDescriptors()));
    }

    private Mono<Void> command(String sql) {
        return simple(sql).flatMap(Result::getRowsUpdated).then();
    }

    @Override
    public Mono<Void> beginTransaction() {
        return beginTransaction(new TransactionDefinition() {
            @Override
            public <T> T getAttribute(io.r2dbc.spi.Option<T> option) {
                return null;
            }
        });
    }

    @Override
    public Mono<Void> beginTransaction(TransactionDefinition definition) {
        return Mono.defer(() -> inTransaction ? Mono.empty() : command(Transactions.begin(definition)));
    }

    @Override
    public Mono<Void> commitTransaction() {
        return Mono.defer(() -> inTransaction ? command("COMMIT") : Mono.empty());
    }

    @Override
    public Mono<Void> rollbackTransaction() {
        return Mono.defer(() -> inTransaction ? command("ROLLBACK") : Mono.empty());
    }

    @Override
    public Mono<Void> createSavepoint(String name) {
        String quoted = Transactions.savepoint(name);
        return beginTransaction().then(command("SAVEPOINT " + quoted));
    }

    @Override
    public Mono<Void> releaseSavepoint(String name) {
        String quoted = Transactions.savepoint(name);
        return Mono.defer(() -> inTransaction ? command("RELEASE SAVEPOINT " + quoted) : Mono.empty());
    }

    @Override
    public Mono<Void> rollbackTransactionToSavepoint(String name) {
        String quoted = Transactions.savepoint(name);
        return Mono.defer(() -> inTransaction ? command("ROLLBACK TO SAVEPOINT " + quoted) : Mono.empty());
    }

    @Override
    public VxBatch createBatch() {
        return new VxBatch(this);
    }

    @Override
    public VxStatement createStatement(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("The SQL must not be empty");
        }
        return new VxStatement(this, sql);
    }

    @Override
    public boolean isAutoCommit() {
        return autoCommit && !inTransaction;
    }

    @Override
    public Mono<Void> setAutoCommit(boolean on) {
        return Mono.defer(() -> {
            boolean was = autoCommit;
            autoCommit = on;
            if (on && !was && inTransaction) {
                return command("COMMIT");
            }
            if (!on && !inTransaction) {
                return command("BEGIN");
            }
            return Mono.empty();
        });
    }

    @Override
    public ConnectionMetadata getMetadata() {
        String version = pg.databaseMetadata().fullVersion();
        return new ConnectionMetadata() {
            @Override public String getDatabaseProductName() { return "PostgreSQL"; }

            @Override public String getDatabaseVersion() { return version; }
        };
    }

    @Override
    public IsolationLevel getTransactionIsolationLevel() {
        return isolation;
    }

    @Override
    public Mono<Void> setTransactionIsolationLevel(IsolationLevel level) {
        String sql = "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL " + Transactions.isolation(level);
        return command(sql).then(Mono.fromRunnable(() -> isolation = level));
    }

    @Override
    public Mono<Void> setLockWaitTimeout(Duration timeout) {
        return command(Transactions.timeout("lock_timeout", timeout));
    }

    @Override
    public Mono<Void> setStatementTimeout(Duration timeout) {
        return command(Transactions.timeout("statement_timeout", timeout));
    }

    @Override
    public Mono<Boolean> validate(ValidationDepth depth) {
        return Mono.defer(() -> {
            if (closed) {
                return Mono.just(false);
            }
            if (depth == ValidationDepth.LOCAL) {
                return Mono.just(true);
            }
            return command("SELECT 1").thenReturn(true).onErrorReturn(false);
        });
    }

    @Override
    public Mono<Void> cancelRequest() {
        // done once the server acted on it, not once it is written (Vert.x's own): see CancelRequests
        return Mono.defer(() -> cancels.send(pg.processId(), pg.secretKey()));
    }

    @Override
    public Mono<Void> close() {
        return Mono.defer(() -> {
            if (closed) {
                return Mono.empty();
            }
            closed = true;
            if (pooled && inTransaction) {
                // back to the pool with no transaction open
                return simple("ROLLBACK").flatMap(Result::getRowsUpdated).then()
                    .onErrorResume(e -> Mono.empty()).then(Futures.mono(pg.close(), null));
            }
            return Futures.mono(pg.close(), null);
        });
    }
}
