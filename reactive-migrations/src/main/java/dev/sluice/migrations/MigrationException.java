package dev.sluice.migrations;

import dev.sluice.error.SluiceException;

/** A migration cannot be generated, read or applied; the message says which and why. */
public class MigrationException extends SluiceException {
  public MigrationException(String message) {
    super(message);
  }

  public MigrationException(String message, Throwable cause) {
    super(message, cause);
  }
}
