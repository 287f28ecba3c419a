package dev.sluice.error;

/**
 * The database refused the statement itself (SQLSTATE class 42 and 0A): a syntax error, a table or
 * column that does not exist, a feature it lacks. Typically raw SQL with a mistake, or a schema in
 * code that does not match the database.
 *
 * <pre>{@code
 * db.sql("SELECT * FROM missing_table").fetch()   // BadSqlException, sqlState() "42P01" on PostgreSQL
 * }</pre>
 */
public class BadSqlException extends NonTransientDataException {
  public BadSqlException(String message, Throwable cause, String sql) {
    super(message, cause, sql);
  }
}
