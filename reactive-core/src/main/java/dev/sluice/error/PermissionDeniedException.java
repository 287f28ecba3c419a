package dev.sluice.error;

/**
 * The database user may not do what the statement asked (PostgreSQL 42501, MySQL 1142, 1044,
 * 1045; a write in a read-only transaction, 25006).
 */
public class PermissionDeniedException extends NonTransientDataException {
  public PermissionDeniedException(String message, Throwable cause, String sql) {
    super(message, cause, sql);
  }
}
