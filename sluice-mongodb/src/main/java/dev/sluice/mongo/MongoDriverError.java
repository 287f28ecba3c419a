package dev.sluice.mongo;

/**
 * The driver's error as the cause of a Sluice exception, with the driver's class name, its error
 * code and its stack trace, but a message from which the document values are cut (a duplicate-key
 * message quotes the duplicated key's value).
 */
public final class MongoDriverError extends RuntimeException {
  private final String driverClass;
  private final int code;

  MongoDriverError(Throwable driver, int code, String safeMessage) {
    super(driver.getClass().getName() + " (code " + code + "): " + safeMessage, null, false, true);
    this.driverClass = driver.getClass().getName();
    this.code = code;
    setStackTrace(driver.getStackTrace());
  }

  /** The driver exception's class name. */
  public String driverClass() { return driverClass; }

  /** MongoDB's error code (11000: duplicate key), or -1. */
  public int code() { return code; }
}
