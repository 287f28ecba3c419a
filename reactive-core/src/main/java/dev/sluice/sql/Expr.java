package dev.sluice.sql;

/**
 * A typed value expression.
 *
 * @param <T> the Java type of the value
 */
public sealed interface Expr<T> extends SqlNode, Field<T> permits ColumnExpr, Param, Aggregate, FunctionCall, Arithmetic, CaseWhen, Cast,
    RawSql, ScalarSubquery, Aliased, TableRef, JsonPath, JsonEdit {
  @Override
  default Expr<T> expr() { return this; }
}
