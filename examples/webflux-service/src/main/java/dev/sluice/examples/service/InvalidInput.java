package dev.sluice.examples.service;

/** A request field that is missing or wrong; answered with 400 and the field's name. */
public final class InvalidInput extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String field;

  public InvalidInput(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  /** The name of the field in the request body. */
  public String field() {
    return field;
  }
}
