package dev.sluice.schema;

/** The portable SQL type families a column can have; each dialect names them in its own DDL. */
public enum SqlKind {
  SMALLINT, INTEGER, BIGINT, SERIAL, BIGSERIAL, BOOLEAN, VARCHAR, CHAR, TEXT, DECIMAL, REAL, DOUBLE,
  DATE, TIME, TIMESTAMP, TIMESTAMPTZ, UUID, JSON, JSONB, BYTES, ENUM, CUSTOM;

  /** True for the auto-incrementing kinds, whose value the database generates on insert. */
  public boolean isGenerated() {
    return this == SERIAL || this == BIGSERIAL;
  }
}
