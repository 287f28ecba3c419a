package dev.sluice.error;

/**
 * The root of every error Sluice raises. Unchecked. When a statement failed, {@link #sql()} names
 * it, {@link #sqlState()} and {@link #vendorCode()} say what the database reported, and
 * {@link #isTransient()} whether trying again may help. Bound values appear in the message, and in
 * the causes, only when the database was built to reveal them.
 *
 * <pre>
 * SluiceException
 * ├─ TransientDataException           retrying later may succeed
 * │  ├─ ConcurrencyFailureException   retried by RetryPolicy.onTransientFailures
 * │  │  ├─ SerializationFailureException, DeadlockException, LockNotAvailableException
 * │  ├─ QueryCancelledException
 * │  │  └─ QueryTimeoutException
 * │  ├─ TransactionTimeoutException
 * │  └─ TransientResourceException
 * │     └─ ConnectionLostException, ConnectionAcquireTimeoutException
 * ├─ NonTransientDataException        the same statement fails the same way
 * │  ├─ ConstraintViolationException
 * │  │  └─ UniqueViolationException, ForeignKeyViolationException, NotNullViolationException, CheckViolationException
 * │  ├─ DataException
 * │  │  └─ ValueTooLongException
 * │  ├─ BadSqlException, PermissionDeniedException, TooManyRowsException
 * │  ├─ DatabaseClosedException
 * │  └─ UncategorizedDatabaseException
 * ├─ MappingException                 schema and record do not match
 * ├─ ValidationException              a row broke its Bean Validation constraints; nothing sent
 * ├─ UnsupportedByDialectException    the database cannot express the query
 * └─ IllegalUseException              the API used in a way it cannot serve
 * </pre>
 */
public class SluiceException extends RuntimeException {
  private final String sql;

  public SluiceException(String message) {
    this(message, null, null);
  }

  public SluiceException(String message, Throwable cause) {
    this(message, cause, null);
  }

  public SluiceException(String message, Throwable cause, String sql) {
    super(message, cause);
    this.sql = sql;
  }

  /** The SQL of the failed statement, or null when the error did not come from one. */
  public String sql() { return sql; }

  /**
   * The SQLSTATE the database or driver reported (e.g. {@code "23505"}; the SQLite bridge reports
   * SQLite's extended result code name, e.g. {@code "SQLITE_CONSTRAINT_UNIQUE"}), or null when the
   * error did not come from the database.
   */
  public String sqlState() {
    io.r2dbc.spi.R2dbcException e = driverError();
    return e == null ? null : e.getSqlState();
  }

  /** The database's own error number (e.g. MySQL's 1062), or 0 when it gave none. */
  public int vendorCode() {
    io.r2dbc.spi.R2dbcException e = driverError();
    return e == null ? 0 : e.getErrorCode();
  }

  /**
   * True when the same work tried again later may succeed ({@link TransientDataException}); false
   * when it would fail the same way ({@link NonTransientDataException} and the API's own errors).
   */
  public boolean isTransient() { return false; }

  private io.r2dbc.spi.R2dbcException driverError() {
    for (Throwable t = getCause(); t != null; t = t.getCause()) {
      if (t instanceof io.r2dbc.spi.R2dbcException r) {
        return r;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
