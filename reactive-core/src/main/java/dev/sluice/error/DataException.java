package dev.sluice.error;

/**
 * The database refused a value (SQLSTATE class 22, or a type mismatch): a string too long, a
 * number out of range, text that is not a valid number, a NUL character PostgreSQL cannot store.
 * Nothing the statement tried to write was kept. Names the table and column when the database or
 * the statement tell them. Some values are refused before anything is sent, because the database
 * would keep them changed: a string with a lone UTF-16 surrogate (every database), NaN or -0.0 on
 * SQLite, NaN, infinities or -0.0 on MySQL and MariaDB, -0.0 on H2.
 *
 * <pre>{@code
 * db.insertInto(USERS).values(user).execute()
 *     .onErrorResume(DataException.class, e -> Mono.error(new BadRequest(e.column())));
 * }</pre>
 */
public class DataException extends NonTransientDataException {
  private final String table;
  private final String column;

  public DataException(String message, Throwable cause, String sql, String table, String column) {
    super(message, cause, sql);
    this.table = table;
    this.column = column;
  }

  /** The table, or null when unknown. */
  public String table() { return table; }

  /** The column, or null when unknown. */
  public String column() { return column; }
}
