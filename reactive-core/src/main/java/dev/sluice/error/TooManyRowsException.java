package dev.sluice.error;

/**
 * {@code fetchOne()} found more than one row: the query was meant to identify at most one.
 *
 * <pre>{@code
 * db.selectFrom(USERS).where(eq(USERS.email, email)).fetchOne()   // TooManyRowsException if two match
 * }</pre>
 */
public class TooManyRowsException extends NonTransientDataException {
  public TooManyRowsException(String message, String sql) {
    super(message, null, sql);
  }
}
