package dev.sluice.migrations.runner;

import dev.sluice.migrations.MigrationException;

/**
 * A class named as a Java migration (or a package named to hold some) could not be used: no such
 * class or package on the class path, a class that is not a {@link JavaMigration}, or one without a
 * public no-argument constructor. Nothing ran. The CLI exits with code 9 on it.
 */
public final class MigrationClassException extends MigrationException {
  private final String className;

  public MigrationClassException(String className, String message) {
    super(message);
    this.className = className;
  }

  public MigrationClassException(String className, String message, Throwable cause) {
    super(message, cause);
    this.className = className;
  }

  /** The class or package name that was given. */
  public String className() { return className; }
}
