package dev.sluice;

/**
 * The {@link Database} was closed ({@link Database#close()}) and its pool shut down: no statement
 * can run on it any more.
 */
public class DatabaseClosedException extends NonTransientDataException {
  public DatabaseClosedException(String message, Throwable cause) {
    super(message, cause, null);
  }
}
