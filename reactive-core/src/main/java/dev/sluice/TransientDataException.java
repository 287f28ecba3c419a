package dev.sluice;

/** A failure that may succeed if the whole transaction is tried again. */
public class TransientDataException extends SluiceException {
  public TransientDataException(String message, Throwable cause, String sql) {
    super(message, cause, sql);
  }
}
