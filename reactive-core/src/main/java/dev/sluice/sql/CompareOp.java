package dev.sluice.sql;

/** Binary comparison operators. */
public enum CompareOp {
  EQ("="), NE("<>"), GT(">"), GTE(">="), LT("<"), LTE("<=");

  private final String sql;

  CompareOp(String sql) { this.sql = sql; }

  public String sql() { return sql; }
}
