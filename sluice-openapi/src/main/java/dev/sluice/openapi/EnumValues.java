package dev.sluice.openapi;

/** Which strings the {@code enum} of an enum column lists. */
public enum EnumValues {
  /**
   * The values Jackson writes for the Java constants: their names, or what {@code @JsonValue} or
   * {@code @JsonProperty} give. What an API serving the row records with Jackson sends. The default.
   */
  JACKSON,
  /** The labels stored in the database, those of the column's {@code EnumType}. */
  SQL_LABELS
}
