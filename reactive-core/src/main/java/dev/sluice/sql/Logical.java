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

  /**
   * {@code conditions} joined by AND ({@code and} true) or OR, nested ones of the same kind
   * flattened; a single condition stands alone.
   */
  public static Condition of(boolean and, Condition... conditions) {
    List<Condition> flat = new java.util.ArrayList<>(conditions.length);
    for (Condition c : conditions) {
      java.util.Objects.requireNonNull(c, and ? "and() operand" : "or() operand");
      if (c instanceof Logical l && l.and() == and) {
        flat.addAll(l.operands());
      } else {
        flat.add(c);
      }
    }
    return flat.size() == 1 ? flat.get(0) : new Logical(and, flat);
  }

  @Override public <C> void accept(SqlVisitor<C> v, C ctx) { v.visitLogical(this, ctx); }
}
