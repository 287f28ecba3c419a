package dev.sluice.examples.service;

/** The body of {@code PUT /users/{id}}: the new e-mail and name, and the version they were read at. */
public record UserChange(String email, String name, Integer version) {

  /** This request, checked: a missing or too long field fails with {@link InvalidInput}. */
  public UserChange validated() {
    Fields.email(email);
    Fields.text("name", name, 100);
    if (version == null) {
      throw new InvalidInput("version", "is required (the version the user was read at)");
    }
    return this;
  }
}
