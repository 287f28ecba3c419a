package dev.sluice.sql;

/**
 * One {@code ORDER BY} term.
 *
 * @param expr       the sort key
 * @param descending true for {@code DESC}
 * @param nulls      where nulls go
 */
public record OrderItem(Expr<?> expr, boolean descending, Nulls nulls) {
  /** The same term with nulls sorted first. */
  public OrderItem nullsFirst() { return new OrderItem(expr, descending, Nulls.FIRST); }

  /** The same term with nulls sorted last. */
  public OrderItem nullsLast() { return new OrderItem(expr, descending, Nulls.LAST); }

  /** Placement of nulls in an ordering. */
  public enum Nulls { DEFAULT, FIRST, LAST }
}
