package dev.sluice.error;

/**
 * The {@link dev.sluice.Database} was closed ({@link dev.sluice.Database#close()}) and its pool shut down: no statement
 * can run on it any more.
 */
public class DatabaseClosedException extends NonTransientDataException {
  public DatabaseClosedException(String message, Throwable cause) {
    super(message, cause, null);
  }
}
