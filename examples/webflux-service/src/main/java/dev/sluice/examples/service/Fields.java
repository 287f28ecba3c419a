package dev.sluice.examples.service;

/** The checks of request fields; each failure names the field. */
final class Fields {
  private Fields() {}

  static void text(String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new InvalidInput(field, "is required");
    }
    if (value.length() > maxLength) {
      throw new InvalidInput(field, "is longer than " + maxLength + " characters");
    }
  }

  static void email(String value) {
    text("email", value, 254);
    int at = value.indexOf('@');
    if (at <= 0 || at != value.lastIndexOf('@') || at == value.length() - 1) {
      throw new InvalidInput("email", "is not an e-mail address");
    }
  }
}
