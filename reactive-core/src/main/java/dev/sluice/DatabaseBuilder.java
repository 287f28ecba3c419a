package dev.sluice;

import dev.sluice.error.ConnectionLostException;
import dev.sluice.error.TransactionNotJoinedException;
import dev.sluice.internal.Observing;
import dev.sluice.observe.QueryObserver;
import dev.sluice.spi.ConnectionSource;
import dev.sluice.spi.Dialect;
import dev.sluice.spi.Dialects;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ValidationDepth;
import java.time.Duration;
import java.util.Objects;

/**
 * Options of a {@link Database}.
 *
 * <pre>{@code
 * Database db = Database.builder().url("r2dbc:postgresql://localhost/app").poolSize(20).build();
 * Database offline = Database.builder().dialect(Dialects.named("postgresql")).build(); // renders only
 * }</pre>
 */
public final class DatabaseBuilder {
  private String url;
  private ConnectionFactory connectionFactory;
  private Dialect dialect;
  private boolean pooled = true;
  private int poolSize = 10;
  private Duration acquireTimeout = Duration.ofSeconds(30);
  private Duration maxIdleTime = Duration.ofMinutes(10);
  private Duration maxLifeTime = Duration.ofMinutes(30);
  private boolean validateRemotely;
  private boolean revealBinds;
  private int fetchSize;
  private int maxRowsPerInsert = 2000;
  private int sqlCacheSize = 2048;
  private ConnectionSource outsideTransactions;
  private ForeignTransactionPolicy foreignTransactions = ForeignTransactionPolicy.FAIL;
  private final java.util.List<QueryObserver> observers = new java.util.ArrayList<>();
  private String name;
  private boolean observeBinds;
  private final ReplicaSettings replicas = new ReplicaSettings();
  private java.time.Clock clock = java.time.Clock.systemUTC();
  private dev.sluice.validation.RowValidator validator;
  private dev.sluice.schema.JsonMapping jsonMapping;
  private dev.sluice.cache.QueryCache cache;

  DatabaseBuilder() {}

  /** Connect with an R2DBC URL. */
  public DatabaseBuilder url(String url) {
    this.url = Objects.requireNonNull(url, "url");
    return this;
  }

  /** Run on this connection factory (already pooled or not; see {@link #pooled}). */
  public DatabaseBuilder connectionFactory(ConnectionFactory factory) {
    this.connectionFactory = Objects.requireNonNull(factory, "factory");
    return this;
  }

  /** Use this dialect instead of detecting it from the driver. */
  public DatabaseBuilder dialect(Dialect dialect) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    return this;
  }

  /** Whether to wrap the connection factory in an r2dbc-pool (default true). */
  public DatabaseBuilder pooled(boolean pooled) {
    this.pooled = pooled;
    return this;
  }

  /** Maximum pool size (default 10). */
  public DatabaseBuilder poolSize(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("poolSize must be >= 1, was " + size);
    }
    this.poolSize = size;
    return this;
  }

  /** How long to wait for a pooled connection before failing (default 30 s). */
  public DatabaseBuilder acquireTimeout(Duration timeout) {
    this.acquireTimeout = Objects.requireNonNull(timeout);
    return this;
  }

  /**
   * How long a pooled connection may sit idle before the pool closes it (default 10 minutes),
   * checked every 30 seconds or more often for a shorter time: shorter than the server's or a
   * firewall's idle limit, so that an idle connection is closed by the pool before the network
   * drops it silently.
   */
  public DatabaseBuilder maxIdleTime(Duration idle) {
    this.maxIdleTime = positive(idle, "maxIdleTime");
    return this;
  }

  /**
   * How long a pooled connection lives at most (default 30 minutes), so that connections move to a
   * new server after a failover and server-side session memory does not grow without bound.
   */
  public DatabaseBuilder maxLifeTime(Duration life) {
    this.maxLifeTime = positive(life, "maxLifeTime");
    return this;
  }

  /**
   * Whether the pool checks a connection with a round trip to the server before handing it out
   * (default false: it checks locally that the connection is still open, which catches connections
   * the server closed, terminated or lost in a restart). A round trip also catches a connection a
   * network device dropped without telling either side, at the cost of one round trip per acquire.
   * Either way a connection that fails the check is discarded and another one taken or opened,
   * as many times as the pool has connections, so a pool whose every connection died recovers
   * without an error reaching the caller.
   */
  public DatabaseBuilder validateRemotely(boolean remote) {
    this.validateRemotely = remote;
    return this;
  }

  private static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
    return d;
  }

  /** Include bound values in error messages (default false: they are redacted). */
  public DatabaseBuilder revealBindValuesInErrors(boolean reveal) {
    this.revealBinds = reveal;
    return this;
  }

  /**
   * Rows fetched per round trip when streaming, where the driver supports it (PostgreSQL portals;
   * default 0 = the driver reads the whole result, with TCP backpressure). Measured on PostgreSQL: 0
   * streams 2M rows in a 64 MB heap and matches the raw driver's speed; a fetch size adds a round
   * trip per batch but lets a cancelled stream stop without draining the rest of the result.
   */
  public DatabaseBuilder fetchSize(int rows) {
    if (rows < 0) {
      throw new IllegalArgumentException("fetchSize must be >= 0, was " + rows);
    }
    this.fetchSize = rows;
    return this;
  }

  /** Most rows one multi-row INSERT carries (default 2000; the bind limit may lower it). */
  public DatabaseBuilder maxRowsPerInsert(int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("maxRowsPerInsert must be >= 1, was " + rows);
    }
    this.maxRowsPerInsert = rows;
    return this;
  }

  /** How many distinct query shapes keep their rendered SQL cached (default 2048). */
  public DatabaseBuilder sqlCacheSize(int entries) {
    this.sqlCacheSize = entries;
    return this;
  }

  /**
   * Where queries find a transaction of another manager to join (default
   * {@link ConnectionSource#detect()}: Spring's {@code R2dbcTransactionManager} when spring-r2dbc is
   * on the class path). Sluice joins a transaction on the factory it runs on, or on the one given to
   * {@link #connectionFactory} before Sluice pooled it. {@link ConnectionSource#NONE} never joins.
   *
   * <pre>{@code
   * Database db = Database.builder().connectionFactory(pool).outsideTransactions(ConnectionSource.NONE).build();
   * }</pre>
   */
  public DatabaseBuilder outsideTransactions(ConnectionSource source) {
    this.outsideTransactions = Objects.requireNonNull(source, "source");
    return this;
  }

  /**
   * What a statement does inside another manager's transaction that runs on another connection
   * factory, which Sluice cannot join (default {@link ForeignTransactionPolicy#FAIL}: it fails with
   * {@link TransactionNotJoinedException} rather than run outside that transaction).
   *
   * <pre>{@code
   * Database audit = Database.builder().url(auditUrl).foreignTransactions(ForeignTransactionPolicy.IGNORE).build();
   * }</pre>
   */
  public DatabaseBuilder foreignTransactions(ForeignTransactionPolicy policy) {
    this.foreignTransactions = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /**
   * Adds an observer of every statement and transaction (see {@link QueryObserver}); observers are
   * told in the order they were added. Without any, nothing is observed and nothing is spent on it.
   *
   * <pre>{@code
   * Database db = Database.builder().url(url)
   *     .observer(SqlLogger.builder().slowerThan(Duration.ofMillis(250)).build())
   *     .build();
   * }</pre>
   */
  public DatabaseBuilder observer(QueryObserver observer) {
    observers.add(Objects.requireNonNull(observer, "observer"));
    return this;
  }

  /** The name observers see in every event (default: the dialect's name, e.g. {@code postgresql}). */
  public DatabaseBuilder name(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A database name must not be blank");
    }
    this.name = name;
    return this;
  }

  /** The primary, by URL: what {@link #url} sets, named for a database with {@link #replicas}. */
  public DatabaseBuilder primary(String url) {
    return url(url);
  }

  /** The primary's connection factory: what {@link #connectionFactory} sets. */
  public DatabaseBuilder primary(ConnectionFactory factory) {
    return connectionFactory(factory);
  }

  /**
   * Read replicas, named {@code replica-1}, {@code replica-2}, ... in order. Outside transactions,
   * reads (SELECTs without a row lock, and raw statements declared {@code readOnly()}) go to one of
   * them, chosen by the {@link #replicaPicker}; writes, {@code returning()}, {@code forUpdate()},
   * other raw statements, DDL and everything inside a transaction (Sluice's or a joined Spring one)
   * go to the primary, as do the reads of {@code query.onPrimary()} and {@code db.onPrimary()}. Each replica gets a pool of its
   * own with the primary's pool settings, but one retry of a failed acquire (unless {@link #pooled}
   * is false), closed by {@link Database#close()}; it uses the primary's dialect. Give replica URLs a
   * connect timeout ({@code ?connectTimeout=PT2S}) so that one that does not answer fails fast.
   *
   * <p>A replica that fails to connect, or whose connection drops before a read's first row, is
   * taken out for a back-off period ({@link #replicaBackoff}) and the read runs again on another
   * replica, then on the primary; a read that already delivered rows is not run again, and fails.
   * After the back-off, a health check brings the replica back. See {@link ReplicaEvent}.
   *
   * <pre>{@code
   * Database db = Database.builder().primary("r2dbc:postgresql://db-primary/app")
   *     .replicas("r2dbc:postgresql://db-replica-1/app", "r2dbc:postgresql://db-replica-2/app")
   *     .readYourWrites(Duration.ofSeconds(2))
   *     .build();
   * }</pre>
   */
  public DatabaseBuilder replicas(ConnectionFactory... factories) {
    for (ConnectionFactory f : factories) {
      replicas.add(replicas.nextName(), f);
    }
    return this;
  }

  /** {@link #replicas(ConnectionFactory...)} by R2DBC URL. */
  public DatabaseBuilder replicas(String... urls) {
    for (String u : urls) {
      replicas.add(replicas.nextName(), connect(Objects.requireNonNull(u, "replica url")));
    }
    return this;
  }

  /** One read replica with a name of its own, for events and a {@link ReplicaPicker}; see {@link #replicas(ConnectionFactory...)}. */
  public DatabaseBuilder replica(String name, ConnectionFactory factory) {
    replicas.add(name, factory);
    return this;
  }

  /** How a read chooses among the replicas in the rotation (default {@link ReplicaPicker#roundRobin()}). */
  public DatabaseBuilder replicaPicker(ReplicaPicker picker) {
    replicas.picker(picker);
    return this;
  }

  /**
   * Let observers see bound values (default false: each value is {@code "?"} in
   * {@link dev.sluice.observe.StatementEvent#binds()}, since values are often personal data).
   */
  public DatabaseBuilder observeBinds(boolean reveal) {
    this.observeBinds = reveal;
    return this;
  }

  /**
   * Reads in {@code window} after a write of the same read-your-writes session go to the primary
   * (default zero: none). The session is opened in the Reactor Context with
   * {@code contextWrite(ReadYourWrites.session())}; see {@link ReadYourWrites}. A write counts from
   * its start to its end, and a transaction until it ends.
   */
  public DatabaseBuilder readYourWrites(Duration window) {
    replicas.readYourWrites(window);
    return this;
  }

  /**
   * How long a failed replica stays out before a health check (default 1 s), doubled after each
   * failed check up to {@code max} (default 30 s).
   */
  public DatabaseBuilder replicaBackoff(Duration initial, Duration max) {
    replicas.backoff(initial, max);
    return this;
  }

  /** Called when a replica is taken out, comes back, or a read moves off it; see {@link ReplicaEvent}. */
  public DatabaseBuilder onReplicaEvent(java.util.function.Consumer<ReplicaEvent> listener) {
    replicas.listener(listener);
    return this;
  }

  /**
   * The clock that fills {@code createdAt()}/{@code updatedAt()} columns (UTC system time by
   * default); a fixed or offset clock lets tests control time.
   *
   * <pre>{@code
   * Database db = Database.builder().url(url).clock(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC)).build();
   * }</pre>
   */
  public DatabaseBuilder clock(java.time.Clock clock) {
    this.clock = java.util.Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * The query cache that {@code query.cached(...)} reads fill and writes through this database empty
   * (none by default); see {@link dev.sluice.query.Cached}.
   *
   * <pre>{@code
   * Database db = Database.builder().url(url).cache(InMemoryQueryCache.builder().maximumSize(10_000).build()).build();
   * }</pre>
   */
  public DatabaseBuilder cache(dev.sluice.cache.QueryCache cache) {
    this.cache = Objects.requireNonNull(cache, "cache");
    return this;
  }

  /**
   * Checks every row before the statement that writes it is sent: whole records inserted or updated
   * from a record, and the bound values of partial inserts and of {@code SET column = value}. A row
   * that breaks a constraint fails the write with {@link dev.sluice.error.ValidationException},
   * listing every violation, and nothing is sent. None by default.
   *
   * <pre>{@code
   * Database db = Database.builder().url(url).validator(BeanValidation.create()).build();
   * }</pre>
   */
  public DatabaseBuilder validator(dev.sluice.validation.RowValidator validator) {
    this.validator = Objects.requireNonNull(validator, "validator");
    return this;
  }

  /**
   * How typed JSON columns ({@code jsonb("meta", Meta.class)}) are written and read: a Jackson
   * {@code ObjectMapper} wrapped by {@link dev.sluice.schema.JsonMapping#of}. By default
   * {@link dev.sluice.schema.JsonMapping#defaults()}: exact {@code BigDecimal}s, ISO-8601
   * {@code java.time} values, unknown properties refused.
   *
   * <pre>{@code
   * ObjectMapper mapper = JsonMapping.defaultMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
   * Database db = Database.builder().url(url).jsonMapping(JsonMapping.of(mapper)).build();
   * }</pre>
   */
  public DatabaseBuilder jsonMapping(dev.sluice.schema.JsonMapping mapping) {
    this.jsonMapping = Objects.requireNonNull(mapping, "mapping");
    return this;
  }

  /** Builds the database. Nothing connects until a query is subscribed to. */
  public Database build() {
    ConnectionFactory factory = connectionFactory;
    if (factory == null && url != null) {
      factory = connect(url);
    }
    if (factory == null && dialect == null) {
      throw new IllegalStateException("Give a url, a connectionFactory or (to render only) a dialect");
    }
    Dialect d = dialect != null ? dialect : Dialects.detect(factory.getMetadata());
    ConnectionFactory given = factory;
    ConnectionPool owned = null;
    if (factory != null && pooled && !(factory instanceof ConnectionPool)) {
      owned = new ConnectionPool(poolConfiguration(factory));
      factory = owned;
    }
    ConnectionSource outside = outsideTransactions != null ? outsideTransactions : ConnectionSource.detect();
    dev.sluice.internal.ReplicaRouter router = factory == null ? null : replicas.router(d,
        f -> pooled && !(f instanceof ConnectionPool) ? new ConnectionPool(poolConfiguration(f, 1)) : f);
    return new Database(factory, d, revealBinds, fetchSize, maxRowsPerInsert, sqlCacheSize, owned,
        outside, given, foreignTransactions, owned != null ? acquireTimeout : null, router,
        new Observing(observers, name, observeBinds), clock, cache, validator, jsonMapping);
  }

  /**
   * The connection factory for a URL, with the options the dialect adds for its driver (on
   * PostgreSQL binary results and Sluice's exact decoders): the given dialect's, or else every
   * dialect's on the class path ({@link Dialects#connectionOptions}).
   */
  private ConnectionFactory connect(String u) {
    io.r2dbc.spi.ConnectionFactoryOptions options = io.r2dbc.spi.ConnectionFactoryOptions.parse(u);
    return ConnectionFactories.get(dialect != null ? dialect.connectionOptions(options)
        : Dialects.connectionOptions(options));
  }

  /**
   * The pool's settings. Every acquire validates the connection it takes; one that fails is
   * destroyed and the acquire retried, up to once per connection of the pool plus one, so that
   * after the server dropped every idle connection (a restart, {@code pg_terminate_backend},
   * {@code KILL CONNECTION}) the next acquire discards them all and opens a fresh one instead of
   * failing with "Connection validation failed". While the server is down, each retry fails fast
   * (connection refused), and the caller gets a {@link ConnectionLostException}.
   */
  ConnectionPoolConfiguration poolConfiguration(ConnectionFactory factory) {
    return poolConfiguration(factory, poolSize + 1);
  }

  /**
   * The pool's settings with {@code acquireRetry} retries of a failed acquire. A replica's pool
   * retries once: a replica that cannot be reached is better left to the failover to the next one
   * than tried once per connection of its pool (each try as long as the driver's connect timeout).
   */
  ConnectionPoolConfiguration poolConfiguration(ConnectionFactory factory, int acquireRetry) {
    Duration eviction = maxIdleTime.compareTo(Duration.ofSeconds(30)) < 0 ? maxIdleTime : Duration.ofSeconds(30);
    return ConnectionPoolConfiguration.builder(factory)
        .initialSize(0).maxSize(poolSize).maxAcquireTime(acquireTimeout)
        .acquireRetry(acquireRetry)
        .validationDepth(validateRemotely ? ValidationDepth.REMOTE : ValidationDepth.LOCAL)
        .maxValidationTime(Duration.ofSeconds(5))
        .maxIdleTime(maxIdleTime).maxLifeTime(maxLifeTime)
        .backgroundEvictionInterval(eviction)
        .build();
  }
}
