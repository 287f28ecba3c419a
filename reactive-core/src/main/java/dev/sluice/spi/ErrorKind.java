package dev.sluice.spi;

/** The kinds of database error that map to a typed Sluice exception. */
public enum ErrorKind {
  UNIQUE, FOREIGN_KEY, NOT_NULL, CHECK, SERIALIZATION, DEADLOCK,
  /** A string or binary value too long for its column (22001). */
  VALUE_TOO_LONG,
  /** A value the database refused: class 22 data exceptions and 42804 datatype mismatch. */
  DATA,
  OTHER;

  /** Classifies by the standard SQLSTATE codes (class 23 integrity, class 40 rollback, class 22 data). */
  public static ErrorKind fromSqlState(String state) {
    if (state == null) {
      return OTHER;
    }
    return switch (state) {
      case "23505" -> UNIQUE;
      case "23503" -> FOREIGN_KEY;
      case "23502" -> NOT_NULL;
      case "23514" -> CHECK;
      case "40001" -> SERIALIZATION;
      case "40P01" -> DEADLOCK;
      case "22001" -> VALUE_TOO_LONG;
      case "42804" -> DATA;
      default -> state.startsWith("22") ? DATA : OTHER;
    };
  }
}
