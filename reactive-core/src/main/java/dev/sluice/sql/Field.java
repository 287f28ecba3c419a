package dev.sluice.sql;

import dev.sluice.schema.DataType;

/**
 * Anything usable as a typed SQL value: a {@link dev.sluice.schema.Column} or an expression.
 * The type parameter is what makes {@code eq(USERS.id, "x")} fail to compile.
 *
 * @param <T> the Java type of the value
 */
public interface Field<T> {
  /** The SQL and Java type of the value. */
  DataType<T> dataType();

  /** The AST node for this value. */
  Expr<T> expr();
}
