package dev.sluice.error;

/** A construct the target database cannot express; raised at render time, before anything runs. */
public class UnsupportedByDialectException extends SluiceException {
  public UnsupportedByDialectException(String message) {
    super(message);
  }

  /** {@code construct} is not supported by the dialect named {@code dialect}. */
  public UnsupportedByDialectException(String construct, String dialect) {
    super(construct + " is not supported by the " + dialect + " dialect");
  }
}
