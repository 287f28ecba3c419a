package dev.sluice.r2dbc.vertx;

/**
 * The fields of a PostgreSQL error response, carried by every {@link io.r2dbc.spi.R2dbcException} this driver
 * raises for a server error (each field {@code null} when the server did not send it).
 *
 * <pre>{@code
 * catch (R2dbcDataIntegrityViolationException e) {
 *   String constraint = ((PostgresErrorDetails) e).constraint();   // "users_email_key"
 * }
 * }</pre>
 */
public interface PostgresErrorDetails {
    /** The SQLSTATE, e.g. {@code 23505}. */
    String sqlState();

    /** The schema of the object the error is about. */
    String schema();

    /** The table the error is about. */
    String table();

    /** The column the error is about. */
    String column();

    /** The constraint that was violated. */
    String constraint();

    /** The server's detail line. */
    String detail();
}
