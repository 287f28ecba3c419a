package dev.sluice.sql;

import dev.sluice.schema.Column;

/**
 * {@code column = value} in an UPDATE.
 *
 * @param column the column set
 * @param value  the new value
 * @param <T> the column type
 */
public record Assignment<T>(Column<T> column, Expr<T> value) {}
