package dev.sluice.error;

/**
 * A string or binary value does not fit its column, e.g. 300 characters into {@code varchar(256)}
 * (PostgreSQL SQLSTATE 22001). On SQLite, which ignores declared lengths, Sluice's DDL adds a length
 * check to {@code varchar(n)} and {@code char(n)} columns, whose violation is this exception too.
 *
 * <pre>{@code
 * StepVerifier.create(db.insertInto(USERS).values(userWithLongPhone).execute())
 *     .expectErrorSatisfies(e -> assertThat(((ValueTooLongException) e).column()).isEqualTo("phone"))
 *     .verify();
 * }</pre>
 */
public class ValueTooLongException extends DataException {
  public ValueTooLongException(String message, Throwable cause, String sql, String table, String column) {
    super(message, cause, sql, table, column);
  }
}
