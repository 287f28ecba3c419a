package dev.sluice.sql;

import java.util.List;

/**
 * {@code a AND b AND ...} or {@code a OR b OR ...}.
 *
 * @param and      true for AND, false for OR
 * @param operands at least one condition
 */
public record Logical(boolean and, List<Condition> operands) implements Condition {
  public Logical {
    operands = List.copyOf(operands);
    if (operands.isEmpty()) {
      throw new IllegalArgumentException((and ? "and" : "or") + "() needs at least one condition");
    }
  }

  @Override public <C> void accept(SqlVisitor<C> v, C ctx) { v.visitLogical(this, ctx); }
}
