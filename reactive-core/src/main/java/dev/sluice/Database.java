package dev.sluice;

import dev.sluice.internal.Executor;
import dev.sluice.internal.ForeignPolicy;
import dev.sluice.internal.Observing;
import dev.sluice.query.CommonTables;
import dev.sluice.query.Compound;
import dev.sluice.query.DeleteFrom;
import dev.sluice.query.InsertInto;
import dev.sluice.query.QueryStarts;
import dev.sluice.query.RawQuery;
import dev.sluice.query.Select3;
import dev.sluice.query.SelectBase;
import dev.sluice.query.UpdateTable;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.spi.ConnectionSource;
import dev.sluice.spi.Dialect;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.IsolationLevel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The entry point: typed queries over an R2DBC connection factory (pooled by default).
 *
 * <pre>{@code
 * Database db = Database.connect("r2dbc:postgresql://user:pw@localhost:5432/app");
 * Flux<City> all = db.selectFrom(CITIES).fetch();
 * Mono<City> one = db.selectFrom(CITIES).where(eq(CITIES.id, 42)).fetchOne();
 * }</pre>
 *
 * <p>Every terminal is cold: nothing touches the database before subscription. A {@code Database}
 * is immutable and thread-safe; share one per connection pool.
 */
public final class Database extends QueryStarts {
  private final ConnectionFactory connectionFactory;
  private final Executor executor;
  private final io.r2dbc.pool.ConnectionPool ownedPool;
  private final int maxRowsPerInsert;
  private final java.time.Clock clock;
  private final dev.sluice.validation.RowValidator validator;

  Database(ConnectionFactory connectionFactory, Dialect dialect, boolean revealBinds,
      int fetchSize, int maxRowsPerInsert, int sqlCacheSize, io.r2dbc.pool.ConnectionPool ownedPool,
      ConnectionSource outsideTransactions, ConnectionFactory given, ForeignTransactionPolicy foreign,
      java.time.Duration acquireTimeout, dev.sluice.internal.ReplicaRouter replicas, Observing observing,
      java.time.Clock clock, dev.sluice.cache.QueryCache cache, dev.sluice.validation.RowValidator validator,
      dev.sluice.schema.JsonMapping jsonMapping) {
    this(connectionFactory, new Executor(connectionFactory, dialect, revealBinds, fetchSize, sqlCacheSize,
        outsideTransactions, given, foreign == null ? ForeignPolicy.FAIL : ForeignPolicy.valueOf(foreign.name()),
        acquireTimeout, replicas, observing, cache, jsonMapping), maxRowsPerInsert, ownedPool, clock, validator);
  }

  private Database(ConnectionFactory connectionFactory, Executor executor, int maxRowsPerInsert,
      io.r2dbc.pool.ConnectionPool ownedPool, java.time.Clock clock,
      dev.sluice.validation.RowValidator validator) {
    super(executor, maxRowsPerInsert, clock, validator);
    this.validator = validator;
    this.connectionFactory = connectionFactory;
    this.executor = executor;
    this.ownedPool = ownedPool;
    this.maxRowsPerInsert = maxRowsPerInsert;
    this.clock = clock;
  }

  /**
   * This database with every read on the primary, for a read that must see the latest writes
   * ({@link DatabaseBuilder#replicas}); the same database itself when it has no replicas. It shares
   * everything with this one: closing either closes both.
   *
   * <pre>{@code
   * Mono<Order> fresh = db.onPrimary().selectFrom(ORDERS).where(eq(ORDERS.id, id)).fetchOne();
   * }</pre>
   */
  public Database onPrimary() {
    Executor pinned = executor.onPrimary();
    return pinned == executor ? this : new Database(connectionFactory, pinned, maxRowsPerInsert, ownedPool, clock, validator);
  }

  /**
   * Connects to an R2DBC URL, e.g. {@code r2dbc:postgresql://user:pw@host:5432/db}. The connection
   * factory is wrapped in an r2dbc-pool {@code ConnectionPool} unless the URL already names the pool
   * ({@code r2dbc:pool:...}). The dialect is found from the driver's metadata.
   */
  public static Database connect(String url) {
    return builder().url(url).build();
  }

  /** A builder for every option. */
  public static DatabaseBuilder builder() {
    return new DatabaseBuilder();
  }

  /**
   * Drops every cached read of {@code tables} from the query cache (a write through this database
   * does it by itself; this is for writes it cannot see).
   */
  public Mono<Void> invalidate(Table<?>... tables) {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (Table<?> t : tables) {
      names.add(t.name());
    }
    return executor.invalidateTables(java.util.Set.copyOf(names));
  }

  /**
   * A named, memoised read from a key to the rows of the query {@code query} makes for it, kept in
   * the query cache for {@code ttl}; see {@link Memo}. Needs {@code DatabaseBuilder.cache(...)}.
   */
  public <K, T> Memo<K, T> memo(String name, java.time.Duration ttl,
      java.util.function.Function<? super K, ? extends dev.sluice.query.SelectBase<T, ?>> query) {
    return new Memo<>(this, name, ttl, query);
  }

  /** Drops every cached read given one of {@code tags} ({@code query.cached(ttl, tags...)}). */
  public Mono<Void> invalidateTags(String... tags) {
    return executor.invalidateTags(java.util.Set.of(tags));
  }

  /**
   * Where this database's reads went: how many to each replica and to the primary (empty targets
   * without replicas); see {@link dev.sluice.observe.ReadRouting}.
   */
  public dev.sluice.observe.ReadRouting readRouting() {
    return executor.readRouting();
  }

  /** The dialect queries render in. */
  public Dialect dialect() { return executor.dialect(); }

  /** The (pooled) connection factory queries run on; null for a render-only database. */
  public ConnectionFactory connectionFactory() { return connectionFactory; }


  /**
   * Starts a query with {@code WITH table AS (query)}: {@code table} declares the common table's
   * name and typed columns, {@code query} fills them in order. See {@link CommonTables}.
   */
  public CommonTables with(Table<?> table, SelectBase<?, ?> query) {
    return startWith(table, query.query(), false);
  }

  /** {@code WITH table AS (query)} for a UNION of queries. */
  public CommonTables with(Table<?> table, Compound<?> query) {
    return startWith(table, query.query(), false);
  }

  /**
   * Starts a query with a recursive common table: an anchor query {@code UNION [ALL]} a query that
   * joins {@code table} itself.
   *
   * <pre>{@code
   * db.withRecursive(TREE, db.select(CATS.id, CATS.parentId, CATS.name).from(CATS).where(isNull(CATS.parentId))
   *         .unionAll(db.select(CATS.id, CATS.parentId, CATS.name).from(CATS)
   *             .join(TREE).on(eq(CATS.parentId, TREE.id))))     // hypothetical join on a Select3
   *     .selectFrom(TREE).fetch();
   * }</pre>
   */
  public CommonTables withRecursive(Table<?> table, Compound<?> query) {
    return startWith(table, query.query(), true);
  }

  /**
   * A whole statement in SQL, with its values bound: {@code db.sql("SELECT * FROM cities WHERE id =
   * {0}", 7).fetch(CITIES)}. See {@link RawQuery}; the template must come from code, never from input.
   */
  public RawQuery sql(String template, Object... args) {
    return startSql(template, args);
  }

  /** {@code INSERT INTO table ...}; see {@link InsertInto}. */
  public <R> InsertInto<R> insertInto(Table<R> table) { return startInsert(table); }

  /** {@code UPDATE table SET ...}; needs {@code where(...)} or {@code all()}. */
  public <R> UpdateTable<R> update(Table<R> table) { return startUpdate(table); }

  /** {@code DELETE FROM table ...}; needs {@code where(...)} or {@code all()}. */
  public <R> DeleteFrom<R> deleteFrom(Table<R> table) { return startDelete(table); }

  /**
   * Stores {@code record}: an INSERT when its primary key is null (the database generates it), else
   * one upsert by primary key (INSERT ... ON CONFLICT DO UPDATE, ON DUPLICATE KEY UPDATE or MERGE)
   * that overwrites every other column. Emits the row as stored. On a table with a {@code version()}
   * column a record with a key and a version is updated by key at that version instead
   * ({@code update(table).byKey(record)}, then read back), failing with
   * {@link dev.sluice.error.OptimisticLockException} when the row moved on.
   *
   * <pre>{@code
   * Mono<User> saved = db.save(USERS, new User(7, "Dan", null, "dan@x.io", null));
   * // PostgreSQL: INSERT INTO "users" ("id", "full_name", "phone", "email") VALUES ($1, $2, $3, $4)
   * //   ON CONFLICT ("id") DO UPDATE SET "full_name" = EXCLUDED."full_name", ... RETURNING ...
   * }</pre>
   */
  public <R> Mono<R> save(Table<R> table, R record) {
    return Mono.defer(() -> startSave(table, record));
  }

  /**
   * The first row matching {@code where}, or {@code record} inserted (and emitted as stored) when
   * there is none. A unique violation from a concurrent insert of the same key is answered with the
   * row that won.
   */
  public <R> Mono<R> firstOrInsert(Table<R> table, dev.sluice.sql.Condition where, R record) {
    return startFirstOrInsert(table, where, record);
  }

  /**
   * Runs {@code body} in a transaction: committed when it completes, rolled back on error or cancel.
   * Every query of this database inside the body joins the transaction through the Reactor
   * {@code Context}; a nested call becomes a savepoint.
   *
   * <pre>{@code
   * db.inTransaction(tx -> tx.insertInto(A).values(a).execute()
   *     .then(db.update(B).set(B.x, 1).where(eq(B.id, 2)).execute()));
   * }</pre>
   */
  public <T> Flux<T> inTransaction(Function<Database, ? extends Publisher<T>> body) {
    return executor.inTransaction(() -> body.apply(this));
  }

  /** {@link #inTransaction(Function)} at an isolation level. */
  public <T> Flux<T> inTransaction(IsolationLevel isolation,
      Function<Database, ? extends Publisher<T>> body) {
    return inTransaction(TxOptions.isolation(isolation), body);
  }

  /**
   * {@link #inTransaction(Function)} with options: isolation level, read-only, a timeout and a
   * retry policy for serialization failures and deadlocks (which re-runs the whole body in a fresh
   * transaction). Whatever the body's type, its last value is emitted only after the commit
   * succeeded, so taking it ({@code .next()}, {@code blockFirst()}) never rolls back a body that
   * completed.
   *
   * <pre>{@code
   * TxOptions opts = TxOptions.isolation(IsolationLevel.SERIALIZABLE)
   *     .timeout(Duration.ofSeconds(5))
   *     .retry(RetryPolicy.onTransientFailures(3, Duration.ofMillis(20)));
   * Mono<Long> moved = db.inTransaction(opts, tx -> tx.update(ACCOUNTS)
   *     .set(ACCOUNTS.balance, 0L).where(eq(ACCOUNTS.id, 1)).execute()).single();
   * }</pre>
   */
  public <T> Flux<T> inTransaction(TxOptions options, Function<Database, ? extends Publisher<T>> body) {
    return executor.inTransaction(() -> body.apply(this), (options == null ? TxOptions.defaults() : options).spec());
  }

  /**
   * Begins a transaction ended by hand; see {@link Transaction}. Prefer
   * {@link #inTransaction(Function)}, which cannot leak a connection.
   *
   * <pre>{@code
   * db.beginTransaction().flatMap(tx -> tx.run(db.insertInto(USERS).values(u).execute())
   *     .flatMap(n -> tx.commit().thenReturn(n))
   *     .onErrorResume(e -> tx.rollback().then(Mono.error(e))));
   * }</pre>
   */
  public Mono<Transaction> beginTransaction() {
    return beginTransaction(TxOptions.defaults());
  }

  /** {@link #beginTransaction()} with options (isolation, read-only; timeout and retry do not apply). */
  public Mono<Transaction> beginTransaction(TxOptions options) {
    return executor.begin((options == null ? TxOptions.defaults() : options).spec()).map(Transaction::new);
  }

  /**
   * Creates the tables (and enum types) if they do not exist, referenced tables first. For evolving
   * a schema, use migrations.
   */
  public Mono<Void> createTables(Table<?>... tables) {
    return Mono.defer(() -> {
      List<String> ddl = new ArrayList<>();
      for (Table<?> t : dependencyOrder(tables)) {
        ddl.addAll(dialect().createTable(t));
      }
      return executor.executeRaw(ddl);
    });
  }

  /** Drops the tables if they exist, referencing tables first. */
  public Mono<Void> dropTables(Table<?>... tables) {
    return Mono.defer(() -> {
      List<Table<?>> order = dependencyOrder(tables);
      List<String> ddl = new ArrayList<>();
      for (int i = order.size() - 1; i >= 0; i--) {
        ddl.addAll(dialect().dropTable(order.get(i)));
      }
      return executor.executeRaw(ddl);
    });
  }

  /**
   * Closes the connection pools this database created, the primary's and the replicas' (a pool
   * passed in is left to its owner). Non-blocking: safe to call from a Reactor thread.
   */
  public Mono<Void> close() {
    return Mono.when(ownedPool == null ? Mono.empty() : ownedPool.disposeLater(), executor.closeReplicas());
  }

  private static List<Table<?>> dependencyOrder(Table<?>... tables) {
    Set<Table<?>> wanted = new LinkedHashSet<>(List.of(tables));
    Set<Table<?>> done = new LinkedHashSet<>();
    for (Table<?> t : wanted) {
      visit(t, wanted, done, new LinkedHashSet<>());
    }
    return new ArrayList<>(done);
  }

  private static void visit(Table<?> t, Set<Table<?>> wanted, Set<Table<?>> done, Set<Table<?>> path) {
    if (done.contains(t) || !path.add(t)) {
      return;
    }
    if (t instanceof dev.sluice.schema.View<?> v) { // a view after the tables it reads
      for (Table<?> read : v.reads()) {
        for (Table<?> w : wanted) {
          if (w != t && w.name().equals(read.name())) {
            visit(w, wanted, done, path);
          }
        }
      }
    }
    for (Column<?> c : t.columns()) {
      Column<?> target = c.referencedColumn();
      if (target != null && target.table() != t && wanted.contains(target.table())) {
        visit(target.table(), wanted, done, path);
      }
    }
    done.add(t);
  }
}
