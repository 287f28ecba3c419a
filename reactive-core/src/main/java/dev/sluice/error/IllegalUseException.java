package dev.sluice.error;

/**
 * The API was used in a way it cannot serve: a statement in a transaction that has already ended,
 * a transaction committed twice, a query on a {@link dev.sluice.Database} built without a connection.
 */
public class IllegalUseException extends SluiceException {
  public IllegalUseException(String message) {
    super(message);
  }

  public IllegalUseException(String message, Throwable cause) {
    super(message, cause);
  }
}
