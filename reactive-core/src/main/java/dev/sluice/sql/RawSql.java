package dev.sluice.sql;

import dev.sluice.schema.DataType;
import java.util.List;

/**
 * The raw-SQL escape hatch: a template whose {@code {0}}, {@code {1}}, ... placeholders are
 * expressions (values become binds). Usable as an expression or, with a boolean type, as a
 * condition. The template comes from code, never from user input.
 *
 * @param template the SQL with placeholders
 * @param args     the placeholder expressions
 * @param type     the result type
 * @param <T> the Java result type
 */
public record RawSql<T>(String template, List<Expr<?>> args, DataType<T> type)
    implements Expr<T>, Condition {
  public RawSql {
    args = List.copyOf(args);
  }

  @Override public DataType<T> dataType() { return type; }

  @Override public <C> void accept(SqlVisitor<C> v, C ctx) { v.visitRaw(this, ctx); }
}
