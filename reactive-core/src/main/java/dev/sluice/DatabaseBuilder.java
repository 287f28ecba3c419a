package dev.sluice;

import dev.sluice.error.ConnectionLostException;
import dev.sluice.error.TransactionNotJoinedException;
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
  private java.time.Clock clock = java.time.Clock.systemUTC();

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

  /** Builds the database. Nothing connects until a query is subscribed to. */
  public Database build() {
    ConnectionFactory factory = connectionFactory;
    if (factory == null && url != null) {
      factory = ConnectionFactories.get(url);
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
    return new Database(factory, d, revealBinds, fetchSize, maxRowsPerInsert, sqlCacheSize, owned,
        outside, given, foreignTransactions, owned != null ? acquireTimeout : null, clock);
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
    Duration eviction = maxIdleTime.compareTo(Duration.ofSeconds(30)) < 0 ? maxIdleTime : Duration.ofSeconds(30);
    return ConnectionPoolConfiguration.builder(factory)
        .initialSize(0).maxSize(poolSize).maxAcquireTime(acquireTimeout)
        .acquireRetry(poolSize + 1)
        .validationDepth(validateRemotely ? ValidationDepth.REMOTE : ValidationDepth.LOCAL)
        .maxValidationTime(Duration.ofSeconds(5))
        .maxIdleTime(maxIdleTime).maxLifeTime(maxLifeTime)
        .backgroundEvictionInterval(eviction)
        .build();
  }
}
