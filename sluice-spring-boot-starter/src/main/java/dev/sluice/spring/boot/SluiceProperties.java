package dev.sluice.spring.boot;

import dev.sluice.ForeignTransactionPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code sluice.*} properties of the auto-configured {@link dev.sluice.Database}; the connection
 * itself comes from Boot's {@code spring.r2dbc.*}.
 *
 * <pre>
 * sluice.dialect=postgresql
 * sluice.fetch-size=500
 * sluice.migrations.location=classpath:db/migrations
 * </pre>
 */
@ConfigurationProperties("sluice")
public class SluiceProperties {
  /**
   * The dialect to render SQL in (postgresql, mysql, mariadb, sqlite, h2, cockroachdb, sqlserver,
   * oracle); detected from the connection factory when not set.
   */
  private String dialect;

  /** Rows fetched per round trip when streaming, where the driver supports it; 0 lets the driver read the whole result. */
  private int fetchSize;

  /** Whether bound values appear in error messages (they are redacted by default). */
  private boolean revealBindValues;

  /** Whether queries join Spring's R2DBC transactions (@Transactional, TransactionalOperator) on the same ConnectionFactory. */
  private boolean joinSpringTransactions = true;

  /** What a statement does inside a Spring transaction on another ConnectionFactory, which Sluice cannot join. */
  private ForeignTransactionPolicy foreignTransactions = ForeignTransactionPolicy.FAIL;

  /**
   * Whether the Mono and Flux returned by @Repository beans fail with Spring's DataAccessExceptions
   * (DuplicateKeyException, ...) instead of Sluice's exceptions.
   */
  private boolean translateRepositoryErrors = true;

  /** Most rows one multi-row INSERT carries. */
  private int maxRowsPerInsert = 2000;

  /** How many distinct query shapes keep their rendered SQL cached. */
  private int sqlCacheSize = 2048;

  /** The name observers, logs and metrics give this database (db.name); the dialect's name when not set. */
  private String name;

  private final Migrations migrations = new Migrations();

  private final Health health = new Health();

  private final Observe observe = new Observe();

  public String getDialect() { return dialect; }
  public void setDialect(String dialect) { this.dialect = dialect; }
  public int getFetchSize() { return fetchSize; }
  public void setFetchSize(int fetchSize) { this.fetchSize = fetchSize; }
  public boolean isRevealBindValues() { return revealBindValues; }
  public void setRevealBindValues(boolean revealBindValues) { this.revealBindValues = revealBindValues; }
  public boolean isJoinSpringTransactions() { return joinSpringTransactions; }
  public void setJoinSpringTransactions(boolean join) { this.joinSpringTransactions = join; }
  public ForeignTransactionPolicy getForeignTransactions() { return foreignTransactions; }
  public void setForeignTransactions(ForeignTransactionPolicy policy) { this.foreignTransactions = policy; }
  public boolean isTranslateRepositoryErrors() { return translateRepositoryErrors; }
  public void setTranslateRepositoryErrors(boolean translate) { this.translateRepositoryErrors = translate; }
  public int getMaxRowsPerInsert() { return maxRowsPerInsert; }
  public void setMaxRowsPerInsert(int rows) { this.maxRowsPerInsert = rows; }
  public int getSqlCacheSize() { return sqlCacheSize; }
  public void setSqlCacheSize(int entries) { this.sqlCacheSize = entries; }
  public Migrations getMigrations() { return migrations; }
  public Health getHealth() { return health; }
  public Observe getObserve() { return observe; }
  public String getName() { return name; }
  public void setName(String name) { this.name = name; }

  /** {@code sluice.observe.*}: what the database tells about its statements. */
  public static class Observe {
    /** Log every statement at DEBUG on the logger dev.sluice.sql (with its duration and rows). */
    private boolean logSql;

    /** Statements at least this slow are logged at WARN (needs log-sql). */
    private Duration slowStatement;

    /** Whether observers and the SQL log see bound values (they are "?" by default: values are often personal data). */
    private boolean binds;

    /** Whether statements and transactions become Micrometer observations (needs sluice-micrometer and an ObservationRegistry). */
    private boolean micrometer = true;

    public boolean isLogSql() { return logSql; }
    public void setLogSql(boolean logSql) { this.logSql = logSql; }
    public Duration getSlowStatement() { return slowStatement; }
    public void setSlowStatement(Duration slowStatement) { this.slowStatement = slowStatement; }
    public boolean isBinds() { return binds; }
    public void setBinds(boolean binds) { this.binds = binds; }
    public boolean isMicrometer() { return micrometer; }
    public void setMicrometer(boolean micrometer) { this.micrometer = micrometer; }
  }

  /** {@code sluice.migrations.*}: the migrations applied at start-up (needs reactive-migrations). */
  public static class Migrations {
    /** Whether pending migrations are applied at start-up, before the web server accepts requests. */
    private boolean enabled = true;

    /**
     * The migrations directory: a classpath: location (a directory or inside a jar) or a file:
     * path. Start-up skips migrations, with a log line, when it does not exist.
     */
    private String location = "classpath:db/migrations";

    /** The history table's name; it also names the database lock. */
    private String historyTable = "sluice_migrations";

    /** Refuse to apply a migration older than the newest applied one, instead of warning. */
    private boolean refuseOutOfOrder;

    /** How long start-up waits for the migrations before it fails. */
    private Duration timeout = Duration.ofMinutes(10);

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public String getLocation() { return location; }
    public void setLocation(String location) { this.location = location; }
    public String getHistoryTable() { return historyTable; }
    public void setHistoryTable(String historyTable) { this.historyTable = historyTable; }
    public boolean isRefuseOutOfOrder() { return refuseOutOfOrder; }
    public void setRefuseOutOfOrder(boolean refuse) { this.refuseOutOfOrder = refuse; }
    public Duration getTimeout() { return timeout; }
    public void setTimeout(Duration timeout) { this.timeout = timeout; }
  }

  /** {@code sluice.health.*}: the health indicator (needs spring-boot-health). */
  public static class Health {
    /** How long the health query may take before the database is reported down. */
    private Duration timeout = Duration.ofSeconds(2);

    public Duration getTimeout() { return timeout; }
    public void setTimeout(Duration timeout) { this.timeout = timeout; }
  }
}
