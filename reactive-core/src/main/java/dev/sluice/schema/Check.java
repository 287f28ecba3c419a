package dev.sluice.schema;

/**
 * A table-level check constraint, written as SQL in the schema code.
 *
 * @param name the constraint name
 * @param sql  the boolean SQL expression
 */
public record Check(String name, String sql) {}
