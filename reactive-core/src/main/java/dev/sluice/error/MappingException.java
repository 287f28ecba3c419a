package dev.sluice.error;

/** The schema code, a row type and the database's values do not fit together. */
public class MappingException extends SluiceException {
  public MappingException(String message) {
    super(message);
  }

  public MappingException(String message, Throwable cause) {
    super(message, cause);
  }
}
