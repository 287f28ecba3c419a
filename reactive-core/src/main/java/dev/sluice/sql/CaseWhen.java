package dev.sluice.sql;

import dev.sluice.schema.DataType;
import java.util.List;

/**
 * {@code CASE WHEN c1 THEN v1 ... ELSE otherwise END}.
 *
 * @param whens     the branches, in order
 * @param otherwise the ELSE value, or null
 * @param type      the result type
 * @param <T> the Java result type
 */
public record CaseWhen<T>(List<When<T>> whens, Expr<T> otherwise, DataType<T> type) implements Expr<T> {
  public CaseWhen {
    whens = List.copyOf(whens);
  }

  /**
   * One {@code WHEN condition THEN value} branch.
   *
   * @param condition when it applies
   * @param value     its value
   * @param <T> the Java type
   */
  public record When<T>(Condition condition, Expr<T> value) {}

  @Override public DataType<T> dataType() { return type; }

  @Override public <C> void accept(SqlVisitor<C> v, C ctx) { v.visitCase(this, ctx); }
}
