package dev.sluice.spi;

/** The kinds of database error that map to a typed Sluice exception. */
public enum ErrorKind {
  UNIQUE, FOREIGN_KEY, NOT_NULL, CHECK, SERIALIZATION, DEADLOCK, OTHER;

  /** Classifies by the standard SQLSTATE codes (class 23 integrity, class 40 rollback). */
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
      default -> OTHER;
    };
  }
}
