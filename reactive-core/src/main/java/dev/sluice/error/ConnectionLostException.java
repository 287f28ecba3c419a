package dev.sluice.error;

/**
 * The connection to the database broke while a statement or transaction was using it (the server
 * went away, the backend was terminated, the socket closed). The pool drops the dead connection;
 * the next query gets a fresh one.
 *
 * <p>A write in flight may or may not have been committed when the connection broke, so Sluice
 * never retries it by itself:
 *
 * <pre>{@code
 * db.selectFrom(READINGS).fetch()
 *     .onErrorResume(ConnectionLostException.class, e -> db.selectFrom(READINGS).fetch());
 * }</pre>
 */
public class ConnectionLostException extends TransientResourceException {
  public ConnectionLostException(String message, Throwable cause, String sql) {
    super(message, cause, sql);
  }
}
