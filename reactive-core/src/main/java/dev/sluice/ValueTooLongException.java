package dev.sluice;

/**
 * A string or binary value does not fit its column, e.g. 300 characters into {@code varchar(256)}
 * (PostgreSQL SQLSTATE 22001). SQLite does not enforce declared lengths, so it never raises this.
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
